using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// Who may attest: the owner, a person in the owning role, a delegate named in settings.delegates while
/// the delegation lasts; a stranger is refused with who may attest instead.
/// </summary>
public sealed class AttestationAuthorityTests
{
    private const string Attestation = "attestations/2026-Q3/164-312-a-2-iii.yaml";

    [Theory]
    [InlineData("lee")] // the owner, named by the overlay
    [InlineData("sam")] // lee's delegate
    public void TheOwnerAndTheirDelegateMayAttest(string by)
    {
        using var workspace = Given(ownerOverlay: true).Write(Attestation, Record(by));

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void APersonInTheOwningRoleMayAttest()
    {
        // No overlay: the catalog's role (application-engineering for 164.312(a)(2)(iii)) owns it, and dana and kim hold it.
        using var workspace = Given(ownerOverlay: false)
            .Replace("evidence.yaml", "application-engineering: [dana]", "application-engineering: [dana, kim]")
            .Write(Attestation, Record("kim"));

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void AStrangerIsRefusedWithWhoMayAttestInstead()
    {
        using var workspace = Given(ownerOverlay: true).Write(Attestation, Record("kim"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("kim may not attest 164.312(a)(2)(iii): only its owner (lee) or a delegate named in evidence.yaml (sam) may", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "kim"), error.Location);
    }

    [Fact]
    public void ADelegationThatHasEndedNoLongerCounts()
    {
        using var workspace = Given(ownerOverlay: true, until: "2026-10-01T00:00:00Z").Write(Attestation, Record("sam"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("sam may not attest 164.312(a)(2)(iii)", error.Message);
    }

    [Fact]
    public void ADelegateForARoleMayAttestWhatTheRoleOwns()
    {
        using var workspace = Given(ownerOverlay: false, delegateFor: "application-engineering").Write(Attestation, Record("sam"));

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void ADelegateWhoIsNotAPersonOrActsForNobodyIsAnError()
    {
        using var workspace = Given(ownerOverlay: false, delegatePerson: "samm", delegateFor: "application-enginering");

        var errors = workspace.Load().Diagnostics;

        Assert.Contains(errors, d => d.Message.Contains("delegate 'samm' is not a person in evidence.yaml (did you mean 'sam'?)", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Message.Contains("delegate for 'application-enginering': there is no person or role with that id (did you mean 'application-engineering'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownKeyInADelegateIsAnError()
    {
        using var workspace = Given(ownerOverlay: false).Replace("evidence.yaml", "      for: lee", "      for: lee\n      untill: 2027-01-01T00:00:00Z");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("untill", error.Message);
        Assert.Contains("until", error.Message);
    }

    private static WorkspaceBuilder Given(bool ownerOverlay, string delegatePerson = "sam", string delegateFor = "lee", string? until = null)
    {
        var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "  - id: lee\n", "  - id: sam\n    name: Sam Ortiz\n  - id: kim\n    name: Kim Lau\n  - id: lee\n")
            .Replace("evidence.yaml", "    grace: 14d", $"    grace: 14d\n  delegates:\n    - person: {delegatePerson}\n      for: {delegateFor}{(until is null ? string.Empty : $"\n      until: {until}")}");
        if (ownerOverlay)
        {
            workspace.Write("controls/overlays.yaml", """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    owner: lee
                """);
        }

        return workspace;
    }

    private static string Record(string by) => $"""
        control: "164.312(a)(2)(iii)"
        period: 2026-Q3
        attested_by: {by}
        attested_at: 2026-10-06T15:04:00Z
        result: implemented
        comment: Checked the idle timeout.
        """;
}

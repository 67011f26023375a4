using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Attestations name a real leaf control, are made by its owner, fit the cadence, and are not repeated.</summary>
public sealed class AttestationTests
{
    private const string Attestation = "attestations/2026-Q3/session-timeout.yaml";

    [Fact]
    public void AnAttestationForAControlNotInTheCatalogIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, Record(control: "164.312(a)(2)(vi)"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("there is no control 164.312(a)(2)(vi) in the catalog (did you mean '164.312(a)(2)(", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "\"164.312(a)(2)(vi)\""), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAttestationBySomeoneWhoDoesNotOwnTheControlIsAnError()
    {
        // Given lee owns the control through an overlay, when dana attests it, then it is refused.
        using var workspace = new WorkspaceBuilder()
            .Write("controls/overlays.yaml", """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    owner: lee
                """)
            .Write(Attestation, Record(by: "dana"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("dana may not attest 164.312(a)(2)(iii): only its owner (lee) or a delegate named in evidence.yaml", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "dana"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAttestationBySomeoneWhoIsNotAPersonNamesTheNearestPerson()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, Record(by: "danna"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("attested_by 'danna' is not a person in evidence.yaml (did you mean 'dana'?)", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "danna"), error.Location);
    }

    [Fact]
    public void AMonthlyPeriodInAQuarterlyWorkspaceIsAnErrorAtThePeriod()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, Record(period: "2026-11", at: "2026-11-05T10:00:00Z"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("period '2026-11' does not fit the quarterly cadence set in evidence.yaml", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "2026-11\n"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAttestationMadeBeforeItsPeriodBeganIsAnErrorAtAttestedAt()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, Record(period: "2026-Q4", at: "2026-09-30T23:00:00Z"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("attested_at 2026-09-30T23:00:00Z is before period 2026-Q4 began", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "2026-09-30T23:00:00Z"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ASecondAttestationForTheSameControlAndPeriodIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("attestations/2026-Q3/a.yaml", Record())
            .Write("attestations/2026-Q3/b.yaml", Record(at: "2026-10-09T09:30:00Z"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        var first = workspace.Locate("attestations/2026-Q3/a.yaml", "\"164.312(a)(2)(iii)\"");
        Assert.Contains($"164.312(a)(2)(iii) is already attested for 2026-Q3 at {first}; keep one attestation per control and period", error.Message);
        Assert.Equal(workspace.Locate("attestations/2026-Q3/b.yaml", "\"164.312(a)(2)(iii)\""), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAttestationOfAStandardThatRollsUpIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, Record(control: "164.312(a)(1)"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("164.312(a)(1) is a standard that rolls up from its specifications; attest the specifications instead", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "\"164.312(a)(1)\""), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAttestationInAWorkspaceWithoutACadenceIsAnError()
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "settings:\n  attestations:\n    cadence: quarterly\n    grace: 14d", string.Empty)
            .Write(Attestation, Record());

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("attestations are not configured: add 'settings.attestations' with a cadence to evidence.yaml", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "control:"), error.Location);
    }

    [Fact]
    public void AnAttestationByTheOwnerForTheCadenceIsAccepted()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, Record());

        Assert.Empty(workspace.Load().Diagnostics);
    }

    private static string Record(
        string control = "164.312(a)(2)(iii)", string period = "2026-Q3", string by = "dana", string at = "2026-10-06T15:04:00Z") => $"""
        control: "{control}"
        period: {period}
        attested_by: {by}
        attested_at: {at}
        result: implemented
        comment: Checked the idle timeout of every application that shows PHI.
        """;
}

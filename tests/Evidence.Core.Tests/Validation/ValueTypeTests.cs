using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>A value of the wrong shape or form is an error at the value, never an exception.</summary>
public sealed class ValueTypeTests
{
    private const string Overlay = "controls/overlays.yaml";
    private const string Attestation = "attestations/2026-Q3/session-timeout.yaml";

    [Fact]
    public void AListWhereASingleValueIsExpectedIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "name: Test System", "name: [Test, System]");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'name' in 'system' must be a single value, found a list", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "[Test, System]"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AMappingWhereAListIsExpectedIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "regions: [us-east-1]", "regions: {primary: us-east-1}");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'regions' in an AWS account must be a list (items starting with '- '), found a mapping", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "{primary"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ABooleanOtherThanTrueOrFalseIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "  name: Test System\n", "  name: Test System\n  multi_tenant: maybe\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'multi_tenant' must be true or false; 'maybe' is not", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "maybe"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AMisspelledStatusNamesTheNearestStatus()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                status: implemnted
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'implemnted' is not a valid status (did you mean 'implemented'?)", error.Message);
        Assert.Contains("use one of: implemented, partially-implemented, planned, alternative, not-implemented, not-applicable", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "implemnted"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ADurationWithoutAUnitLetterIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "grace: 14d", "grace: 14 days");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'grace' must be a duration such as 7d or 12h", error.Message);
        Assert.Contains("'14 days' is not", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "14 days"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ADateThatIsNotOnTheCalendarIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                status: alternative
                decision:
                  alternative: Re-authentication on every PHI export instead of an idle timeout.
                  rationale: Clinicians share workstations at the bedside.
                  decided_by: dana
                  decided_on: 2026-02-30
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'decided_on' must be a date as YYYY-MM-DD; '2026-02-30' is not", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "2026-02-30"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ATimestampWithoutAnOffsetIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, """
            control: "164.312(a)(2)(iii)"
            period: 2026-Q3
            attested_by: dana
            attested_at: 2026-10-06 15:04
            result: implemented
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'attested_at' must be a UTC timestamp such as 2026-10-06T15:04:00Z; '2026-10-06 15:04' is not", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "2026-10-06 15:04"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void APeriodInNoKnownFormIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Attestation, """
            control: "164.312(a)(2)(iii)"
            period: Q3-2026
            attested_by: dana
            attested_at: 2026-10-06T15:04:00Z
            result: implemented
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'Q3-2026' is not a period: use YYYY-Qn (quarterly)", error.Message);
        Assert.Equal(workspace.Locate(Attestation, "Q3-2026"), error.Location);
    }

    [Fact]
    public void AnIdWithCapitalLettersIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "id: test-system", "id: Test_System");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'id' must be an id of lower-case letters, digits and '-'", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "Test_System"), error.Location);
    }
}

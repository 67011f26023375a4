using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// An addressable specification not implemented as written, and any control that does not apply, needs a
/// documented decision (164.306(d)(3)); required controls cannot take an alternative.
/// </summary>
public sealed class AddressableDecisionTests
{
    private const string Overlay = "controls/overlays.yaml";

    [Fact]
    public void AnAddressableSpecMarkedAlternativeWithoutADecisionIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                status: alternative
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("164.312(a)(2)(iii) is addressable and marked alternative: HIPAA asks for a documented decision", error.Message);
        Assert.Contains("add 'decision' with the rationale, decided_by and decided_on", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "alternative"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnAddressableSpecMarkedNotImplementedWithoutADecisionIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                status: not-implemented
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("164.312(a)(2)(iii) is addressable and marked not-implemented", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "not-implemented"), error.Location);
    }

    [Fact]
    public void AnAlternativeDecisionWithoutTheAlternativeIsAnErrorAtTheDecision()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                status: alternative
                decision:
                  rationale: Clinicians share workstations at the bedside.
                  decided_by: dana
                  decided_on: 2026-03-02
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("the decision for 164.312(a)(2)(iii) needs 'alternative': the measure implemented instead", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "rationale"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ARequiredSpecMarkedAlternativeIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(i)"
                status: alternative
                decision:
                  alternative: Shared clinical accounts with badge tap.
                  rationale: Speed at the bedside.
                  decided_by: dana
                  decided_on: 2026-03-02
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("164.312(a)(2)(i) is not an addressable specification, so 'alternative' does not apply", error.Message);
        Assert.Contains("required controls must be implemented as written", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "alternative\n"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AControlMarkedNotApplicableWithoutADecisionIsAnError()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.314(b)(1)"
                status: not-applicable
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("a control marked not-applicable needs a 'decision' with the rationale, decided_by and decided_on", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "not-applicable"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AControlMarkedNotApplicableWithADecisionIsAccepted()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.314(b)(1)"
                status: not-applicable
                decision:
                  rationale: The organization sponsors no group health plan.
                  decided_by: dana
                  decided_on: 2026-03-02
            """);

        Assert.Empty(workspace.Load().Diagnostics);
    }
}

using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Overlays name real controls, once each, and exclude only queries the control has by default.</summary>
public sealed class OverlayReferenceTests
{
    private const string Overlay = "controls/overlays.yaml";

    [Fact]
    public void TwoOverlaysForOneControlInDifferentFilesAreReportedAtTheSecond()
    {
        using var workspace = new WorkspaceBuilder()
            .Write("controls/a-access.yaml", """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    status: implemented
                """)
            .Write("controls/b-sessions.yaml", """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    statement: Sessions end after 15 minutes idle.
                """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        var first = workspace.Locate("controls/a-access.yaml", "\"164.312(a)(2)(iii)\"");
        Assert.Contains($"control 164.312(a)(2)(iii) already has an overlay at {first}; keep one overlay per control", error.Message);
        Assert.Equal(workspace.Locate("controls/b-sessions.yaml", "\"164.312(a)(2)(iii)\""), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnOverlayForACitationNotInTheCatalogNamesTheNearestCitation()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(v)"
                status: implemented
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("there is no control 164.312(a)(2)(v) in the catalog (did you mean '164.312(a)(2)(", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "\"164.312(a)(2)(v)\""), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ExcludingAQueryThatIsNotADefaultOfTheControlNamesTheNearestDefault()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(i)"
                exclude_evidence:
                  - query: aws-config/IAM_ROOT_ACCES_KEY_CHECK
                    reason: The root user has no access keys by SCP.
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'aws-config/IAM_ROOT_ACCES_KEY_CHECK' is not a default query or expected artifact of 164.312(a)(2)(i)", error.Message);
        Assert.Contains("(did you mean 'aws-config/IAM_ROOT_ACCESS_KEY_CHECK'?)", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "aws-config/IAM_ROOT_ACCES_KEY_CHECK"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ExcludingAnExpectedArtifactOfTheControlIsAccepted()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(i)"
                exclude_evidence:
                  - query: artifact/account-inventory-export
                    reason: The identity provider's live directory is reviewed instead.
            """);

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void ADeciderWhoIsNotAPersonNamesTheNearestPerson()
    {
        using var workspace = new WorkspaceBuilder().Write(Overlay, """
            controls:
              - control: "164.312(a)(2)(iii)"
                status: alternative
                decision:
                  alternative: Re-authentication on every PHI export.
                  rationale: Clinicians share workstations at the bedside.
                  decided_by: leee
                  decided_on: 2026-03-02
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("decided_by 'leee' is not a person in evidence.yaml (did you mean 'lee'?)", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "leee"), error.Location);
    }
}

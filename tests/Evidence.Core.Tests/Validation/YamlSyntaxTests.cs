using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Files that are not well-formed YAML, or hold nothing, are reported where the parser stopped.</summary>
public sealed class YamlSyntaxTests
{
    [Fact]
    public void AYamlSyntaxErrorIsReportedWhereTheParserStopped()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "name: Test System", "name: 'Test System");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("YAML syntax error", error.Message);
        Assert.Contains("check indentation, quotes and colons", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "'Test System"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnEmptyEvidenceYamlIsReportedAsEmpty()
    {
        using var workspace = new WorkspaceBuilder().Write("evidence.yaml", "# nothing here yet\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("the file is empty", error.Message);
        Assert.Equal(new SourceLocation(workspace.Shown("evidence.yaml"), 1, 1), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AnEmptyOverlayFileIsReportedAsEmpty()
    {
        using var workspace = new WorkspaceBuilder().Write("controls/empty.yaml", string.Empty);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("the file is empty", error.Message);
        Assert.Equal(new SourceLocation(workspace.Shown("controls/empty.yaml"), 1, 1), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AKeyGivenTwiceInOneMappingIsReportedAtTheSecond()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "  name: Test System\n", "  name: Test System\n  name: Test Platform\n");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("key 'name' appears twice in the same mapping; keep one", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "name: Test Platform"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AFileWithTwoYamlDocumentsIsReportedAtTheSecond()
    {
        using var workspace = new WorkspaceBuilder().Write("controls/overlays.yaml", """
            controls:
              - control: "164.312(a)(2)(iii)"
            ---
            controls: []
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("more than one YAML document", error.Message);
        Assert.Equal(workspace.Locate("controls/overlays.yaml", "controls: []"), error.Location);
    }
}

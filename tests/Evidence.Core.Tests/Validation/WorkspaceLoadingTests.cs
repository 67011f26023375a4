using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Problems with the workspace folder itself, and how the problems of one load are reported together.</summary>
public sealed class WorkspaceLoadingTests
{
    [Fact]
    public void AMissingWorkspaceFolderIsReportedAtThePathGiven()
    {
        using var temp = new TempDirectory();
        var missing = temp.Combine("no-such-workspace");

        var loaded = WorkspaceLoader.Load(missing);

        var error = Assert.Single(loaded.Diagnostics);
        Assert.Contains("the workspace folder does not exist", error.Message);
        Assert.Equal(SourceLocation.OfFile(missing), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
        Assert.Null(loaded.Workspace);
    }

    [Fact]
    public void AFolderWithoutEvidenceYamlSuggestsEvidenceInit()
    {
        using var temp = new TempDirectory();

        var loaded = WorkspaceLoader.Load(temp.Path);

        var error = Assert.Single(loaded.Diagnostics);
        Assert.Contains("no evidence.yaml in this folder; run 'evidence init", error.Message);
        Assert.Equal(SourceLocation.OfFile($"{temp.Path}/evidence.yaml"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void TheTestWorkspaceIsValidSoEachTestCanBreakItInOneWay()
    {
        using var workspace = new WorkspaceBuilder();

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics);
        Assert.NotNull(loaded.Workspace);
    }

    [Fact]
    public void EveryErrorOfALoadIsReportedTogetherSortedByFileAndLine()
    {
        // Given three mistakes in two files, found in this order: a bad duration while reading
        // evidence.yaml, an unknown key while reading an overlay, then an unknown role by a validator.
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "grace: 14d", "grace: two weeks")
            .Replace("evidence.yaml", "  compliance: [dana]\n", "  compliance: [dana]\n  complience: [dana]\n")
            .Write("controls/overlays.yaml", """
                controls:
                  - control: "164.312(a)(2)(iii)"
                    statment: Sessions end after 15 minutes.
                """);

        var loaded = workspace.Load();

        // Then all three are reported, by path and then line, not in the order they were found.
        Assert.Equal(
            [
                workspace.Locate("controls/overlays.yaml", "statment"),
                workspace.Locate("evidence.yaml", "complience"),
                workspace.Locate("evidence.yaml", "two weeks"),
            ],
            loaded.Diagnostics.Select(d => d.Location));
        Assert.All(loaded.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
    }
}

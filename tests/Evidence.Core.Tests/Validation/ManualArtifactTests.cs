using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>Manual evidence is a file that exists under the workspace's artifacts/ folder, and stays there.</summary>
public sealed class ManualArtifactTests
{
    private const string Overlay = "controls/overlays.yaml";

    [Fact]
    public void AManualPathThatDoesNotExistIsAnErrorAtThePath()
    {
        using var workspace = WithDocumentAt("artifacts/session-timeout-standard.pdf");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'artifacts/session-timeout-standard.pdf' does not exist; add the file under artifacts/ or fix the path", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "artifacts/session-timeout-standard.pdf"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AManualPathOutsideTheWorkspaceIsAnError()
    {
        using var workspace = WithDocumentAt("../../etc/passwd");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'../../etc/passwd' points outside the workspace; copy the document into the workspace's artifacts/ folder", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "../../etc/passwd"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AManualPathInsideTheWorkspaceButOutsideArtifactsIsAnError()
    {
        using var workspace = WithDocumentAt("evidence.yaml");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'evidence.yaml' points outside the workspace's artifacts/ folder; keep manual evidence under artifacts/", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "evidence.yaml"), error.Location);
    }

    [Fact]
    public void AnAbsoluteManualPathIsAnError()
    {
        using var workspace = WithDocumentAt("/etc/hostname");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'/etc/hostname' is an absolute path; give a path relative to the workspace", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "/etc/hostname"), error.Location);
    }

    [Fact]
    public void AManualPathNamingAFolderIsAnError()
    {
        using var workspace = WithDocumentAt("artifacts/policies");
        Directory.CreateDirectory(workspace.PathOf("artifacts/policies"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'artifacts/policies' is a folder; name the document itself", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "artifacts/policies"), error.Location);
    }

    [Fact]
    public void ALinkInArtifactsToAFileOutsideIsAnError()
    {
        using var outside = new TempDirectory();
        using var workspace = WithDocumentAt("artifacts/standard.md");
        File.WriteAllText(outside.Combine("standard.md"), "# A document kept elsewhere\n");
        Directory.CreateDirectory(workspace.PathOf("artifacts"));
        LinkOrSkip(() => File.CreateSymbolicLink(workspace.PathOf("artifacts/standard.md"), outside.Combine("standard.md")));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'artifacts/standard.md' escapes the workspace through a link (it leads to ", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "artifacts/standard.md"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void AFileReachedThroughALinkedFolderInArtifactsIsAnError()
    {
        using var outside = new TempDirectory();
        using var workspace = WithDocumentAt("artifacts/shared/standard.md");
        File.WriteAllText(outside.Combine("standard.md"), "# A document kept elsewhere\n");
        Directory.CreateDirectory(workspace.PathOf("artifacts"));
        LinkOrSkip(() => Directory.CreateSymbolicLink(workspace.PathOf("artifacts/shared"), outside.Path));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'artifacts/shared/standard.md' escapes the workspace through a link", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "artifacts/shared/standard.md"), error.Location);
    }

    [Fact]
    public void ALinkBetweenFilesInsideArtifactsIsAccepted()
    {
        using var workspace = WithDocumentAt("artifacts/current.md").Write("artifacts/2026/standard.md", "# Standard\n");
        LinkOrSkip(() => File.CreateSymbolicLink(workspace.PathOf("artifacts/current.md"), workspace.PathOf("artifacts/2026/standard.md")));

        Assert.Empty(workspace.Load().Diagnostics);
    }

    [Fact]
    public void ALinkedArtifactsFolderIsAnErrorEvenWhenThePathLooksInside()
    {
        // Reported: ln -s /etc WS/artifacts with an overlay path artifacts/shadow validated, and the binder attached /etc/shadow.
        using var outside = new TempDirectory();
        using var workspace = WithDocumentAt("artifacts/shadow");
        File.WriteAllText(outside.Combine("shadow"), "root:secret\n");
        LinkOrSkip(() => Directory.CreateSymbolicLink(workspace.PathOf("artifacts"), outside.Path));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'artifacts/shadow' escapes the workspace through a link", error.Message);
        Assert.Equal(workspace.Locate(Overlay, "artifacts/shadow"), error.Location);
        Assert.Equal(DiagnosticCategory.Workspace, error.Category);
    }

    [Fact]
    public void ALinkedFolderInArtifactsThatLeadsElsewhereInTheWorkspaceIsAnError()
    {
        using var workspace = WithDocumentAt("artifacts/shared/standard.md").Write("docs/standard.md", "# Standard\n");
        Directory.CreateDirectory(workspace.PathOf("artifacts"));
        LinkOrSkip(() => Directory.CreateSymbolicLink(workspace.PathOf("artifacts/shared"), workspace.PathOf("docs")));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'artifacts/shared/standard.md' escapes the workspace's artifacts/ folder through a link (it leads to docs/standard.md)", error.Message);
    }

    private static WorkspaceBuilder WithDocumentAt(string path) =>
        new WorkspaceBuilder().Write(Overlay, $"""
            controls:
              - control: "164.312(a)(2)(iii)"
                evidence:
                  - kind: manual
                    path: {path}
                    date: 2026-06-01
            """);

    private static void LinkOrSkip(Action link)
    {
        try
        {
            link();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or PlatformNotSupportedException ||
                                  e.GetType() == typeof(IOException))
        {
            Assert.Skip($"symbolic links are not supported here: {e.Message}");
        }
    }
}

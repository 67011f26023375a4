using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class SampleCommandTests
{
    [Fact]
    public void GenerateWritesAValidWorkspaceWhoseBinderListsEveryFailingRow()
    {
        using var folder = new TempDirectory();
        var dir = folder.Combine("big");

        var result = CliRunner.Run("sample", "generate", "--rows", "1000", dir);

        Assert.Equal(0, result.ExitCode);
        var loaded = WorkspaceLoader.Load(dir);
        Assert.False(loaded.HasErrors, string.Join('\n', loaded.Diagnostics));
        var run = Assert.Single(loaded.Runs);
        Assert.Equal(1000, run.Items.Sum(i => i.Counts.NonCompliant));
        var page = File.ReadAllText(Path.Combine(run.Directory, run.Items.First(i => i.QueryKey.StartsWith("aws-config/", StringComparison.Ordinal)).Raw[0].Path));
        Assert.StartsWith("{\"EvaluationResults\":[{\"EvaluationResultIdentifier\":{\"EvaluationResultQualifier\":{\"ConfigRuleName\":", page, StringComparison.Ordinal);

        var build = CliRunner.Run("build", dir, "--as-of", "2026-11-21T09:00:00Z", "--format", "md", "--only", "binder", "--output", folder.Combine("out"));

        Assert.Equal(0, build.ExitCode);
        var binder = File.ReadAllLines(folder.Combine("out/acme-care-platform-Binder-20261121T090000Z.md"));
        Assert.Equal(1000, binder.Count(l => l.Contains("| Synthetic finding ", StringComparison.Ordinal)));
    }

    [Fact]
    public void GenerateGivesTheSameRunEveryTime()
    {
        using var folder = new TempDirectory();

        CliRunner.Run("sample", "generate", "--rows", "250", folder.Combine("a"));
        CliRunner.Run("sample", "generate", "--rows", "250", folder.Combine("b"));

        var manifest = Path.Combine("evidence", "runs", "20261120T060000Z", "manifest.json");
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder.Combine("a"), manifest)), File.ReadAllBytes(Path.Combine(folder.Combine("b"), manifest)));
    }

    [Fact]
    public void GenerateRefusesAFolderThatHoldsAWorkspace()
    {
        var result = CliRunner.Run("sample", "generate", "--rows", "10", CliRunner.Sample);

        Assert.Equal((int)ExitCode.IoError, result.ExitCode);
        Assert.Contains("already holds a workspace", result.Error, StringComparison.Ordinal);
    }
}

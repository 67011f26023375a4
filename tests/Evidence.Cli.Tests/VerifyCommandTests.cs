using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class VerifyCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSamplesEvidenceMatchesItsHashes()
    {
        var result = CliRunner.Run("verify", CliRunner.Sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("run 20261120T060000Z: 643 items, complete", result.Out, StringComparison.Ordinal);
        Assert.Contains("files match their recorded SHA-256", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEditedRawFileFailsVerificationWithTheEvidenceExitCode()
    {
        using var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, Start).Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", compliant: 2, nonCompliant: 1).Write();
        var raw = Directory.GetFiles(Path.Combine(run, "raw")).Single();
        File.AppendAllText(raw, " ");

        var result = CliRunner.Run("verify", run);

        Assert.Equal((int)ExitCode.EvidenceInvalid, result.ExitCode);
        Assert.Contains("does not match its recorded SHA-256", result.Error, StringComparison.Ordinal);
        Assert.Contains("manifest.json:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunIsVerifiedOnItsOwnWhateverItsSiblingsHold()
    {
        using var workspace = new WorkspaceBuilder();
        var run = new RunBuilder(workspace.Root, Start).Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", compliant: 2, nonCompliant: 1).Write();
        Directory.CreateDirectory(workspace.PathOf("evidence/runs/20261121T060000Z"));

        var alone = CliRunner.Run("verify", run);
        var all = CliRunner.Run("verify", workspace.Root);

        Assert.True(alone.ExitCode == 0, alone.Error);
        Assert.Contains("run 20261120T060000Z: ", alone.Out, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.EvidenceInvalid, all.ExitCode);
        Assert.Contains("run folder has no manifest.json", all.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void APathThatIsNeitherARunNorAWorkspaceIsAUsageError()
    {
        using var folder = new TempDirectory();

        var result = CliRunner.Run("verify", folder.Path);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        result.AssertNoStackTrace();
    }
}

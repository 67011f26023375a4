using Evidence.Testing;

namespace Evidence.Cli.Tests.Check;

/// <summary>
/// <c>status</c> and <c>check</c> verify the evidence they judge, not every run ever collected (their cost
/// would grow with history); <c>evidence verify</c> still checks every file of every run.
/// </summary>
public sealed class EvidenceInUseTests
{
    [Fact]
    public void AChangedFileInAnOlderRunIsLeftToVerify()
    {
        using var workspace = new WorkspaceBuilder();
        var older = new RunBuilder(workspace.Root, GateWorkspace.Start).Collected(GateWorkspace.Rule).Write();
        new RunBuilder(workspace.Root, GateWorkspace.Start.AddDays(7)).Collected(GateWorkspace.Rule).Write();
        File.AppendAllText(Path.Combine(older, "raw", "item-0001-1.json"), " ");

        var status = CliRunner.Run("status", workspace.Root, "--as-of", GateWorkspace.Instant(GateWorkspace.Start.AddDays(8)));
        var verify = CliRunner.Run("verify", workspace.Root);

        Assert.Equal(0, status.ExitCode);
        Assert.Equal((int)ExitCode.EvidenceInvalid, verify.ExitCode);
        Assert.Contains("raw/item-0001-1.json does not match its recorded SHA-256", verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedFileOfTheEvidenceJudgedStopsStatusAndCheck()
    {
        using var workspace = new WorkspaceBuilder();
        new RunBuilder(workspace.Root, GateWorkspace.Start).Collected(GateWorkspace.Rule).Write();
        var latest = new RunBuilder(workspace.Root, GateWorkspace.Start.AddDays(7)).Collected(GateWorkspace.Rule).Write();
        File.AppendAllText(Path.Combine(latest, "raw", "item-0001-1.json"), " ");

        var status = CliRunner.Run("status", workspace.Root);
        var check = CliRunner.Run("check", workspace.Root, "--fail-on", "stale");

        Assert.Equal((int)ExitCode.EvidenceInvalid, status.ExitCode);
        Assert.Equal((int)ExitCode.EvidenceInvalid, check.ExitCode);
        Assert.Contains("raw/item-0001-1.json does not match its recorded SHA-256", status.Error, StringComparison.Ordinal);
        status.AssertNoStackTrace();
    }
}

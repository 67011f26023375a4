using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public void ANewWorkspaceValidatesAsWritten()
    {
        using var directory = new TempDirectory();
        var target = directory.Combine("clinic");

        var init = CliRunner.Run("init", target, "--name", "Clinic Portal", "--organization", "Clinic, Inc.", "--owner", "Dana Whitfield <dana@clinic.example>");
        var validate = CliRunner.Run("validate", target);

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(0, validate.ExitCode);
        Assert.Contains("id: clinic", File.ReadAllText(Path.Combine(target, "evidence.yaml")), StringComparison.Ordinal);
        Assert.Contains("plan:\n  system_owner: ", File.ReadAllText(Path.Combine(target, "evidence.yaml")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("# business_associates:", File.ReadAllText(Path.Combine(target, "evidence.yaml")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(target, "evidence", "runs")));
    }

    [Fact]
    public void InitNeverOverwritesAWorkspace()
    {
        using var directory = new TempDirectory();
        var args = new[] { "init", directory.Path, "--name", "A", "--organization", "B", "--owner", "Dana <dana@example.org>" };
        CliRunner.Run(args);
        var before = File.ReadAllText(directory.Combine("evidence.yaml"));

        var again = CliRunner.Run(args);

        Assert.Equal((int)ExitCode.IoError, again.ExitCode);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(directory.Combine("evidence.yaml")));
    }

    [Fact]
    public void AnOwnerWithoutAnEmailIsAUsageError()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run("init", directory.Path, "--name", "A", "--organization", "B", "--owner", "Dana");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.False(File.Exists(directory.Combine("evidence.yaml")));
    }
}

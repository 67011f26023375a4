using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void TheSampleWorkspaceIsValid()
    {
        var result = CliRunner.Run("validate", CliRunner.Sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("valid. 68 controls", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void ATypoInAnOverlayIsReportedWithFileLineColumnAndASuggestion()
    {
        using var workspace = new WorkspaceBuilder().Write("controls/access.yaml", """
            controls:
              - control: "164.312(a)(2)(i)"
                ownr: dana
            """);

        var result = CliRunner.Run("validate", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains($"{workspace.Root}/controls/access.yaml:3:5: unknown key 'ownr' in a control overlay (did you mean 'owner'?)", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void AllErrorsAreReportedTogetherAndCounted()
    {
        using var workspace = new WorkspaceBuilder()
            .Replace("evidence.yaml", "cadence: quarterly", "cadence: quartely")
            .Write("controls/x.yaml", "controls:\n  - control: \"164.312(a)(2)(v)\"\n");

        var result = CliRunner.Run("validate", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains("did you mean 'quarterly'", result.Error, StringComparison.Ordinal);
        Assert.Contains("there is no control 164.312(a)(2)(v)", result.Error, StringComparison.Ordinal);
        Assert.Contains(": 2 errors", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingWorkspaceIsAClearErrorNotACrash()
    {
        var result = CliRunner.Run("validate", "/nonexistent/workspace");

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Contains("/nonexistent/workspace: the workspace folder does not exist", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void JsonOutputListsDiagnosticsWithTheirPlaces()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "cadence: quarterly", "cadence: weekly");

        var result = CliRunner.Run("validate", workspace.Root, "--json");

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.EndsWith("evidence.yaml", diagnostic.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.True(diagnostic.GetProperty("line").GetInt32() > 0);
    }
}

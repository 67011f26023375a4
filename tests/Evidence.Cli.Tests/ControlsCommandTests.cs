using System.Text.Json;

namespace Evidence.Cli.Tests;

public sealed class ControlsCommandTests
{
    [Fact]
    public void ListShowsEveryControlOfTheCatalog()
    {
        var result = CliRunner.Run("controls", "list", "-w", CliRunner.Sample, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(68, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void ShowExplainsAControlWithItsStatementAndEvidence()
    {
        var result = CliRunner.Run("controls", "show", "164.312(a)(2)(iv)", "-w", CliRunner.Sample);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("164.312(a)(2)(iv) Encryption and decryption", result.Out, StringComparison.Ordinal);
        Assert.Contains("What an assessor looks for:", result.Out, StringComparison.Ordinal);
        Assert.Contains("Implementation statement:", result.Out, StringComparison.Ordinal);
        Assert.Contains("aws-config/S3_DEFAULT_ENCRYPTION_KMS", result.Out, StringComparison.Ordinal);
        Assert.Contains("mapped by AWS", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowingAnUnknownCitationSuggestsTheNearestOne()
    {
        var result = CliRunner.Run("controls", "show", "164.312(a)(2)(v)", "-w", CliRunner.Sample);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("there is no control 164.312(a)(2)(v) in the catalog (did you mean", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownCommandIsAUsageError()
    {
        var result = CliRunner.Run("colect");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("evidence --help", result.Error, StringComparison.Ordinal);
    }
}

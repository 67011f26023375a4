using System.Text.Json;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

public sealed class StatusCommandTests
{
    private const string AsOf = "2026-11-21T09:00:00Z";

    [Fact]
    public void TheSampleStatusTableMatchesItsSnapshot()
    {
        var result = CliRunner.Run("status", CliRunner.Sample, "--as-of", AsOf);

        Assert.Equal(0, result.ExitCode);
        Snapshot.Match(result.Out, "sample-status");
    }

    [Fact]
    public void JsonStatusCountsEveryControlOnce()
    {
        var result = CliRunner.Run("status", CliRunner.Sample, "--as-of", AsOf, "--json");

        using var json = JsonDocument.Parse(result.Out);
        var summary = json.RootElement.GetProperty("summary");
        var total = summary.EnumerateObject().Sum(p => p.Value.GetInt32());
        Assert.Equal(68, total);
        Assert.Equal(68, json.RootElement.GetProperty("controls").GetArrayLength());
        Assert.Equal(AsOf, json.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public void TheSameAsOfGivesTheSameOutput()
    {
        var first = CliRunner.Run("status", CliRunner.Sample, "--as-of", AsOf, "--json");
        var second = CliRunner.Run("status", CliRunner.Sample, "--as-of", AsOf, "--json");

        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void SourceDateEpochFixesNowWhenNoAsOfIsGiven()
    {
        var epoch = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1795251600" };

        var result = CliRunner.Run(epoch, "status", CliRunner.Sample, "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("2026-11-21T09:00:00Z", json.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public void FiltersNarrowTheTable()
    {
        var result = CliRunner.Run("status", CliRunner.Sample, "--as-of", AsOf, "--family", "Organizational", "--json");

        using var json = JsonDocument.Parse(result.Out);
        Assert.All(json.RootElement.GetProperty("controls").EnumerateArray(), c => Assert.Equal("Organizational", c.GetProperty("family").GetString()));
        Assert.Equal(9, json.RootElement.GetProperty("controls").GetArrayLength());
    }

    [Theory]
    [InlineData("--status", "satisfyed", "did you mean 'satisfied'")]
    [InlineData("--owner", "dana-whitfeld", "did you mean 'dana-whitfield'")]
    [InlineData("--family", "Technicl", "did you mean 'Technical'")]
    [InlineData("--as-of", "yesterday", "is not a UTC timestamp")]
    public void ABadFilterIsAUsageErrorWithASuggestion(string option, string value, string message)
    {
        var result = CliRunner.Run("status", CliRunner.Sample, option, value);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void AnInvalidWorkspaceShowsNoStatusAndExitsWithTheWorkspaceCode()
    {
        using var workspace = new WorkspaceBuilder().Write("attestations/a.yaml", "control: \"164.312(b)\"\nperiod: 2026-Q3\n");

        var result = CliRunner.Run("status", workspace.Root);

        Assert.Equal((int)ExitCode.WorkspaceInvalid, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("missing the required key 'attested_by'", result.Error, StringComparison.Ordinal);
    }
}

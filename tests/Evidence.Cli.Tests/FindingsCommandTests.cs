using System.Text.Json;
using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary><c>evidence findings</c>: the sample's register as a table, JSON and CSV, its filters, and bad options.</summary>
public sealed class FindingsCommandTests
{
    private const string AsOf = "2026-11-21T09:00:00Z";

    [Fact]
    public void TheSampleFindingsTableMatchesItsSnapshot()
    {
        var result = CliRunner.Run("findings", CliRunner.Sample, "--as-of", AsOf);

        Assert.True(result.ExitCode == 0, result.Error);
        Snapshot.Match(result.Out, "sample-findings");
    }

    [Fact]
    public void TheSampleShowsEveryStateAFindingCanBeIn()
    {
        var result = CliRunner.Run("findings", CliRunner.Sample, "--as-of", AsOf, "--json");

        using var json = JsonDocument.Parse(result.Out);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var states = findings.Select(f => f.GetProperty("state").GetString()).Distinct().ToHashSet();
        Assert.Equal(["overdue", "acceptance-expired", "reopened", "open", "accepted", "false-positive", "resolved"], findings.Select(f => f.GetProperty("state").GetString()).Distinct());
        Assert.Equal(7, states.Count);
        var bucket = findings.Single(f => f.GetProperty("key").GetString() == "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED|210987654321/us-east-1|acme-legacy-exports");
        Assert.Equal("2026-09-21T06:00:00Z"[..10], bucket.GetProperty("first_seen").GetString()![..10]);
        Assert.True(bucket.GetProperty("citations").GetArrayLength() > 1, "the public bucket is one finding for every control that uses the rule");
        Assert.Equal("PLAT-4182", bucket.GetProperty("decision").GetProperty("ticket").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("summary").GetProperty("open_root_causes").GetInt32());
    }

    [Fact]
    public void FiltersByStateAndOwnerAndWritesCsv()
    {
        var overdue = CliRunner.Run("findings", CliRunner.Sample, "--as-of", AsOf, "--status", "overdue", "--csv");
        var lena = CliRunner.Run("findings", CliRunner.Sample, "--as-of", AsOf, "--owner", "lena-fischer", "--csv");

        var rows = overdue.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,key,state,severity,", rows[0], StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.Contains(",overdue,", r, StringComparison.Ordinal));
        Assert.Equal(3, rows.Length - 1);
        Assert.All(lena.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), r => Assert.Contains(",lena-fischer,", r, StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownStateIsAUsageErrorWithADidYouMean()
    {
        var result = CliRunner.Run("findings", CliRunner.Sample, "--as-of", AsOf, "--status", "overdu");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--status 'overdu' is not a finding state (did you mean 'overdue'?)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonAndCsvTogetherAreAUsageError()
    {
        var result = CliRunner.Run("findings", CliRunner.Sample, "--as-of", AsOf, "--json", "--csv");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--json and --csv cannot be used together", result.Error, StringComparison.Ordinal);
    }
}

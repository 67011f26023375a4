using System.Text.Json;

namespace Evidence.Cli.Tests;

/// <summary>
/// Issue #13: a live collection ends with the calls it made per cloud next to the estimate its plan was
/// priced at (the dry run's figure), on the console and as <c>--json</c>.
/// </summary>
public sealed class CallsAgainstEstimateTests
{
    [Fact]
    public async Task TheBulkPlanReportsItsCallsAgainstTheDryRunsEstimateAsJson()
    {
        using var workspace = BulkPlanTests.SampleCopy();
        var dryRun = CliRunner.Run("collect", workspace.Path, "--aws", "--detail", "non-compliant", "--dry-run", "--json");
        using var estimate = JsonDocument.Parse(dryRun.Out);

        var (code, output, error, operations) = await BulkPlanTests.CollectLiveAsync(workspace.Path, "--aws", "--detail", "non-compliant", "--json");

        Assert.True(code == 0, error + output);
        using var report = JsonDocument.Parse(output);
        var aws = report.RootElement.GetProperty("clouds").EnumerateArray().Single();
        Assert.Equal(("aws", "non-compliant", "complete"), (aws.GetProperty("cloud").GetString(), aws.GetProperty("detail").GetString(), report.RootElement.GetProperty("state").GetString()));
        Assert.Equal(operations.Count, aws.GetProperty("calls").GetInt64());
        Assert.Equal(estimate.RootElement.GetProperty("estimated_calls").GetInt64(), aws.GetProperty("estimated_calls").GetInt64());
        Assert.InRange(aws.GetProperty("calls").GetInt64(), 1, aws.GetProperty("estimated_calls").GetInt64());
        Assert.Equal(report.RootElement.GetProperty("calls").GetInt64(), aws.GetProperty("calls").GetInt64());
        // Progress and the summary went to standard error, so standard output is the JSON alone.
        Assert.Contains("calls made against an estimate of at most", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsoleEndsWithEachCloudsCallsAgainstItsEstimate()
    {
        using var workspace = BulkPlanTests.SampleCopy();

        var (code, output, error, operations) = await BulkPlanTests.CollectLiveAsync(workspace.Path, "--aws", "--detail", "all");

        Assert.True(code == 0, error + output);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("calls made against an estimate", StringComparison.Ordinal));
        Assert.StartsWith($"  aws: {operations.Count:N0} calls made against an estimate of at most ", line, StringComparison.Ordinal);
    }
}

using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Azure;
using Evidence.Testing.SampleRun;

namespace Evidence.Cli.Tests;

/// <summary>
/// Issue #13, Azure: `collect --azure --detail non-compliant` (a Policy Insights summary per subscription, the
/// non-compliant states of many policies a request) judges exactly as `--detail all` (query by query) on the
/// sample's scenario served by the fake Resource Manager, and the dry run tells what each costs.
/// </summary>
public sealed class AzureBulkPlanTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheSummaryPlanJudgesEveryControlAndFindingAsTheQueryByQueryPlanDoes()
    {
        using var perQuery = Copy();
        using var summary = Copy();

        var perQueryRequests = await CollectAsync(perQuery.Path, "all");
        var summaryRequests = await CollectAsync(summary.Path, "non-compliant");

        var (detailed, summarized) = (WorkspaceLoader.Load(perQuery.Path, verifyHashes: true), WorkspaceLoader.Load(summary.Path, verifyHashes: true));
        Assert.Empty(summarized.Diagnostics.Where(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error).Select(d => d.ToString()));
        var run = summarized.Runs.Single(r => r.StartedAt == SampleScenario.StartedAt);
        Assert.Contains(run.Items, i => i.Method == EvidenceMethod.Summary && i.Counts.NonCompliant > 0);
        Assert.True(summaryRequests * 3 < perQueryRequests, $"summary plan {summaryRequests} calls, query by query {perQueryRequests}");

        var (expected, actual) = (Evaluator.Evaluate(detailed, AsOf), Evaluator.Evaluate(summarized, AsOf));
        Assert.Equal(expected.Controls.Select(c => (c.Id, c.Status)), actual.Controls.Select(c => (c.Id, c.Status)));
        Assert.Equal(
            expected.Controls.SelectMany(c => c.CloudReasons).Select(r => (r.Subject, r.Source, r.Kind, r.Outcome, r.Message)),
            actual.Controls.SelectMany(c => c.CloudReasons).Select(r => (r.Subject, r.Source, r.Kind, r.Outcome, r.Message)));
        Assert.Equal(
            FindingsRegister.Build(detailed, AsOf).Select(f => (f.Key, f.ResourceType, f.Severity)),
            FindingsRegister.Build(summarized, AsOf).Select(f => (f.Key, f.ResourceType, f.Severity)));
    }

    [Fact]
    public void TheDryRunTellsAzuresCostByOperation()
    {
        var result = CliRunner.Run("collect", CliRunner.Sample, "--azure", "--dry-run", "--json", "--detail", "non-compliant");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        var azure = json.RootElement.GetProperty("clouds").EnumerateArray().Single(c => c.GetProperty("cloud").GetString() == "azure");
        Assert.Equal("non-compliant", azure.GetProperty("detail").GetString());
        Assert.Contains("Microsoft.PolicyInsights/policyStates/summarize", azure.ToString(), StringComparison.Ordinal);
        Assert.True(azure.GetProperty("estimated_calls").GetInt64() > 0);
    }

    private static async Task<int> CollectAsync(string workspace, string detail)
    {
        var loaded = WorkspaceLoader.Load(CliRunner.Sample, verifyHashes: false);
        await using var aws = await Evidence.Testing.Fakes.Aws.FakeAwsConfigServer.StartAsync();
        await using var azure = await FakeAzureServer.StartAsync();
        azure.Clock = () => SampleFakes.ServerNow;
        SampleFakes.Load(loaded, aws.Data, azure);
        using var handler = azure.CreateHandler();
        var environment = new Dictionary<string, string>
        {
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT"] = azure.Endpoint.ToString(),
            ["EVIDENCE_AZURE_ACCESS_TOKEN"] = azure.AccessToken,
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output, Error = error, Time = TimeProvider.System, IsTerminal = false,
            Environment = name => environment.GetValueOrDefault(name), Cancellation = TestContext.Current.CancellationToken,
            CollectSeams = new Collect.CollectSeams { Handler = handler },
        };
        var code = EvidenceApp.Run(
            ["collect", workspace, "--azure", "--detail", detail, "--azure-rate", "1000", "--as-of", Core.Yaml.Timestamps.Format(SampleScenario.StartedAt)], context);
        Assert.True(code == 0, error.ToString() + output);
        return azure.Requests.Count;
    }

    /// <summary>The sample without its runs, so each plan's run is the only evidence judged.</summary>
    private static TempDirectory Copy()
    {
        var temp = new TempDirectory();
        var runs = Path.Combine(CliRunner.Sample, "evidence", "runs") + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(CliRunner.Sample, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(runs, StringComparison.Ordinal)))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(CliRunner.Sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }
}

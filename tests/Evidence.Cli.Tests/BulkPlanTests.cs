using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;
using Evidence.Testing.Fakes.Azure;
using Evidence.Testing.SampleRun;

namespace Evidence.Cli.Tests;

/// <summary>
/// Issue #13: the AWS bulk plan (`collect --detail non-compliant`: each rule's compliance summary, resources
/// only where they fail) judges exactly as today's per-rule plan (`--detail all`) on the same cloud data: the
/// sample's scenario served by the fake clouds, collected both ways.
/// </summary>
public sealed class BulkPlanTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheBulkPlanJudgesEveryControlAndFindingAsThePerRulePlanDoes()
    {
        using var perRule = SampleCopy();
        using var bulk = SampleCopy();

        var (perRuleOut, perRuleRequests) = await CollectAsync(perRule.Path, "all");
        var (bulkOut, bulkRequests) = await CollectAsync(bulk.Path, "non-compliant");

        var (detailed, summarized) = (WorkspaceLoader.Load(perRule.Path, verifyHashes: true), WorkspaceLoader.Load(bulk.Path, verifyHashes: true));
        Assert.Empty(summarized.Diagnostics.Where(d => d.Severity == Core.Diagnostics.DiagnosticSeverity.Error).Select(d => d.ToString()));
        var run = summarized.Runs.Single(r => r.StartedAt == SampleScenario.StartedAt);
        Assert.Contains(run.Items, i => i.Method == EvidenceMethod.Summary && i.Results is null);
        Assert.Contains(run.Items, i => i.Method == EvidenceMethod.Summary && i.Counts.NonCompliant > 0);
        Assert.True(bulkRequests * 10 < perRuleRequests, $"bulk {bulkRequests} calls, per rule {perRuleRequests}\n{bulkOut}\n{perRuleOut}");

        var (expected, actual) = (Evaluator.Evaluate(detailed, AsOf), Evaluator.Evaluate(summarized, AsOf));

        // A summary does not say when a rule last ran: the scenario's rule whose evaluations stopped is stale rule by
        // rule but reported compliant by the summary. Everything else must be judged alike.
        var stale = expected.Controls.SelectMany(c => c.CloudReasons).Where(r => r.Kind == ReasonKind.Stale).Select(r => (r.Subject, r.Source)).ToHashSet();
        Assert.Single(stale);
        Assert.All(actual.Controls.SelectMany(c => c.CloudReasons).Where(r => stale.Contains((r.Subject, r.Source))), r =>
            Assert.Equal((ReasonKind.Compliant, EvidenceMethod.Summary), (r.Kind, r.Item!.Method)));
        bool Fresh(ControlEvaluation c) => !c.CloudReasons.Any(r => stale.Contains((r.Subject, r.Source)));
        Assert.Equal(expected.Controls.Where(Fresh).Select(c => (c.Id, c.Status)), actual.Controls.Where(Fresh).Select(c => (c.Id, c.Status)));
        Assert.Equal(
            expected.Controls.SelectMany(c => c.CloudReasons).Where(r => !stale.Contains((r.Subject, r.Source))).Select(r => (r.Subject, r.Source, r.Kind, r.Outcome, r.Item?.Counts.NonCompliant)),
            actual.Controls.SelectMany(c => c.CloudReasons).Where(r => !stale.Contains((r.Subject, r.Source))).Select(r => (r.Subject, r.Source, r.Kind, r.Outcome, r.Item?.Counts.NonCompliant)));
        Assert.Equal(
            FindingsRegister.Build(detailed, AsOf).Select(f => (f.Key, f.ResourceType, f.Severity)),
            FindingsRegister.Build(summarized, AsOf).Select(f => (f.Key, f.ResourceType, f.Severity)));
    }

    [Fact]
    public void TheDryRunTellsTheCostOfEachPlanAsJson()
    {
        var auto = CliRunner.Run("collect", CliRunner.Sample, "--dry-run", "--json");
        var bulk = CliRunner.Run("collect", CliRunner.Sample, "--dry-run", "--json", "--detail", "non-compliant");

        Assert.Equal(0, auto.ExitCode);
        using var small = System.Text.Json.JsonDocument.Parse(auto.Out);
        using var summarized = System.Text.Json.JsonDocument.Parse(bulk.Out);
        var aws = small.RootElement.GetProperty("clouds").EnumerateArray().Single(c => c.GetProperty("cloud").GetString() == "aws");
        var awsBulk = summarized.RootElement.GetProperty("clouds").EnumerateArray().Single(c => c.GetProperty("cloud").GetString() == "aws");

        // The sample is small: auto keeps today's full detail.
        Assert.Equal("all", aws.GetProperty("detail").GetString());
        Assert.Equal("non-compliant", awsBulk.GetProperty("detail").GetString());
        Assert.True(awsBulk.GetProperty("estimated_calls").GetInt64() * 10 < aws.GetProperty("estimated_calls").GetInt64());
        Assert.StartsWith("measured on run 20261120T060000Z", awsBulk.GetProperty("basis").GetString(), StringComparison.Ordinal);
        Assert.True(summarized.RootElement.GetProperty("estimated_seconds").GetDouble() > 0);
        Assert.Equal(
            summarized.RootElement.GetProperty("clouds").EnumerateArray().Sum(c => c.GetProperty("estimated_calls").GetInt64()),
            summarized.RootElement.GetProperty("estimated_calls").GetInt64());
    }

    [Fact]
    public void AnUnknownDetailIsAUsageError()
    {
        var result = CliRunner.Run("collect", CliRunner.Sample, "--dry-run", "--detail", "some");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("non-compliant", result.Error, StringComparison.Ordinal);
    }

    private static async Task<(string Out, int Requests)> CollectAsync(string workspace, string detail)
    {
        var (code, output, error, requests) = await CollectLiveAsync(workspace, "--aws", "--detail", detail);
        Assert.True(code == 0, error + output);
        var calls = string.Join(", ", requests.GroupBy(r => r).Select(g => $"{g.Key} {g.Count()}"));
        return ($"{calls}\n{output}", requests.Count);
    }

    /// <summary>A live <c>collect</c> of <paramref name="workspace"/> from the sample's scenario served by the fake clouds: exit code, output, error, and the AWS operations called.</summary>
    internal static async Task<(int Code, string Out, string Error, List<string> AwsOperations)> CollectLiveAsync(string workspace, params string[] options)
    {
        var loaded = WorkspaceLoader.Load(CliRunner.Sample, verifyHashes: false);
        await using var aws = await FakeAwsConfigServer.StartAsync();
        await using var azure = await FakeAzureServer.StartAsync();
        aws.Clock = () => SampleFakes.ServerNow;
        azure.Clock = () => SampleFakes.ServerNow;
        aws.Credentials[0] = FakeAwsCredential.Default with { Account = loaded.Workspace!.Boundary.Aws!.Aggregator!.Account };
        SampleFakes.Load(loaded, aws.Data, azure);
        using var handler = azure.CreateHandler();
        var environment = new Dictionary<string, string>
        {
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = aws.Endpoint.ToString(),
            ["AWS_ACCESS_KEY_ID"] = FakeAwsCredential.Default.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = FakeAwsCredential.Default.SecretAccessKey,
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
            ["collect", workspace, .. options, "--aws-rate", "1000", "--azure-rate", "1000", "--as-of", Core.Yaml.Timestamps.Format(SampleScenario.StartedAt)], context);
        return (code, output.ToString(), error.ToString(), [.. aws.Requests.Select(r => r.Operation)]);
    }

    /// <summary>The sample without its runs, so each plan's run is the only evidence judged.</summary>
    internal static TempDirectory SampleCopy()
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

using System.Text.RegularExpressions;
using Evidence.Core.Clouds;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Cli.Tests;

public sealed partial class CollectCommandTests
{
    private const string Citation = "164.312(b)";
    private static readonly DateTimeOffset ServerNow = new(2026, 11, 20, 6, 0, 5, TimeSpan.Zero);

    [Fact]
    public void DryRunOnTheSampleListsTheCallsAndWritesNothing()
    {
        using var copy = SampleCopy();
        var before = Directory.GetDirectories(Path.Combine(copy.Path, "evidence", "runs"));

        var result = Run(Env(), "collect", copy.Path, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("aws-0001  aws-config-query/phi-stores-without-tenant  aws 345678901234/us-east-1", result.Out, StringComparison.Ordinal);
        Assert.Contains("  GetAggregateComplianceDetailsByConfigRule https://config.us-east-1.amazonaws.com/", result.Out, StringComparison.Ordinal);
        Assert.Contains("policyStates/latest/queryResults", result.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was sent and no run was written", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetDirectories(Path.Combine(copy.Path, "evidence", "runs")));
    }

    [Fact]
    public void AnUnknownCitationIsAUsageErrorWithASuggestion()
    {
        var result = Run(Env(), "collect", CliRunner.Sample, "--only", "164.312b", "--dry-run");

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("did you mean '164.312(b)'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OfflineWithoutRecordingsSaysWhatItNeeds()
    {
        using var workspace = new WorkspaceBuilder();

        var result = Run(Env(), "collect", workspace.Root, "--offline", "--aws", "--only", Citation);

        Assert.Equal((int)ExitCode.Usage, result.ExitCode);
        Assert.Contains("--offline replays recorded responses from", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("evidence/runs")));
    }

    [Fact]
    public async Task AThrottledPageIsRetriedAndARuleThatIsNotDeployedIsListedAsFailed()
    {
        using var workspace = new WorkspaceBuilder();
        await using var server = await FakeAwsConfigServer.StartAsync();
        var (missing, deployed) = Deploy(server, workspace.Load());
        server.Faults.Enqueue(FakeFault.Throttle(times: 1, operation: "GetComplianceDetailsByConfigRule"));

        var result = Run(Env(server), "collect", workspace.Root, "--aws", "--only", Citation, "--as-of", "2026-11-20T06:00:00Z");

        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.Matches(SummaryLine(), result.Out);
        Assert.Contains("1 throttled, 1 retried, 1 failed query", result.Out, StringComparison.Ordinal);
        Assert.Contains($"aws-config/{missing}  aws 111122223333/us-east-1  NoSuchConfigRuleException", result.Out, StringComparison.Ordinal);
        var run = Assert.Single(WorkspaceLoader.Load(workspace.Root).Runs);
        Assert.Equal(RunState.Complete, run.State);
        Assert.Equal("20261120T060000Z", run.RunId);
        Assert.Equal(deployed + 1, run.Items.Count);
        Assert.Empty(WorkspaceLoader.Load(workspace.Root, verifyHashes: true).Diagnostics);
    }

    [Fact]
    public async Task ExpiredCredentialsLeaveTheRunIncompleteWithOneClearMessage()
    {
        using var workspace = new WorkspaceBuilder();
        await using var server = await FakeAwsConfigServer.StartAsync();
        Deploy(server, workspace.Load());
        server.Credentials[0] = FakeAwsCredential.Default with { Expired = true };

        var result = Run(Env(server), "collect", workspace.Root, "--aws", "--only", Citation);

        Assert.Equal((int)ExitCode.CollectionIncomplete, result.ExitCode);
        var message = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("evidence: AWS Config rejected the credentials", message, StringComparison.Ordinal);
        var run = Assert.Single(WorkspaceLoader.Load(workspace.Root).Runs);
        Assert.Equal(RunState.Incomplete, run.State);
    }

    [Fact]
    public void NoCredentialsStopCollectionBeforeARunIsWritten()
    {
        using var workspace = new WorkspaceBuilder();

        var result = Run(Env(), "collect", workspace.Root, "--aws", "--only", Citation, "--aws-profile", "evidence-tests-no-such-profile");

        Assert.Equal((int)ExitCode.CredentialsUnavailable, result.ExitCode);
        var message = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("evidence: no AWS credentials found", message, StringComparison.Ordinal);
        Assert.Contains("profile 'evidence-tests-no-such-profile'", message, StringComparison.Ordinal);
        Assert.EndsWith("; no run was written", message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("evidence/runs")));
    }

    [Fact]
    public void AnInterruptionWhileCredentialsAreResolvedWritesNoRun()
    {
        using var workspace = new WorkspaceBuilder();
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();

        var result = Run(Env(), interrupted.Token, "collect", workspace.Root, "--aws", "--only", Citation, "--aws-profile", "evidence-tests-no-such-profile");

        Assert.Equal((int)ExitCode.CollectionIncomplete, result.ExitCode);
        Assert.Equal("evidence: collection was interrupted before it began; no run was written", result.Error.Trim());
        Assert.False(Directory.Exists(workspace.PathOf("evidence/runs")));
    }

    [Fact]
    public async Task ReplayingARecordingWritesTheSameRunByteForByte()
    {
        using var workspace = new WorkspaceBuilder();
        using var recordings = new TempDirectory();
        await using var server = await FakeAwsConfigServer.StartAsync();
        Deploy(server, workspace.Load());

        var live = Run(Env(server), "collect", workspace.Root, "--aws", "--only", Citation, "--as-of", "2026-11-20T06:00:00Z", "--record", recordings.Path);
        Assert.True(live.ExitCode == 0, live.Error);
        Directory.Move(workspace.PathOf("evidence/runs/20261120T060000Z"), workspace.PathOf("live-run"));
        Directory.Move(recordings.Path, workspace.PathOf("recordings"));

        var replay = Run(Env(), "collect", workspace.Root, "--offline", "--aws", "--only", Citation, "--as-of", "2026-11-20T06:00:00Z");

        Assert.True(replay.ExitCode == 0, replay.Error);
        AssertSameFiles(workspace.PathOf("live-run"), workspace.PathOf("evidence/runs/20261120T060000Z"));
    }

    /// <summary>Deploys every rule the citation needs but the first, with two evaluations each; returns the missing rule and how many were deployed.</summary>
    private static (string Missing, int Deployed) Deploy(FakeAwsConfigServer server, LoadedWorkspace loaded)
    {
        server.Clock = () => ServerNow;
        var rules = CollectionPlanner.Plan(loaded, new CollectionFilter(new HashSet<string> { "aws" }, [Citation]))
            .Select(t => ((AwsConfigRuleQuery)t.Query).Rule).ToList();
        var names = loaded.Catalog.MappingsOf(AwsCloud.Instance).ToDictionary(m => ((AwsConfigRuleQuery)m.Query).Rule, m => m.Title, StringComparer.Ordinal);
        var region = server.Data.In(WorkspaceBuilder.Account, WorkspaceBuilder.Region);
        foreach (var rule in rules.Skip(1))
        {
            region.AddRule($"{names[rule]}-conformance-pack-abc123", rule, conformancePack: "hipaa")
                .With(2, "COMPLIANT", ServerNow.AddHours(-3), prefix: rule.ToLowerInvariant());
        }

        return (rules[0], rules.Count - 1);
    }

    private static void AssertSameFiles(string expected, string actual)
    {
        static List<string> Files(string d) => [.. Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(d, f)).Order(StringComparer.Ordinal)];
        Assert.Equal(Files(expected), Files(actual));
        foreach (var file in Files(expected))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} differs");
        }
    }

    private static TempDirectory SampleCopy()
    {
        var temp = new TempDirectory();
        foreach (var file in Directory.EnumerateFiles(CliRunner.Sample, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(temp.Path, Path.GetRelativePath(CliRunner.Sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return temp;
    }

    private static Dictionary<string, string> Env(FakeAwsConfigServer? aws = null)
    {
        var env = new Dictionary<string, string> { ["AWS_EC2_METADATA_DISABLED"] = "true" };
        if (aws is not null)
        {
            env["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = aws.Endpoint.ToString();
            env["AWS_ACCESS_KEY_ID"] = FakeAwsCredential.Default.AccessKeyId;
            env["AWS_SECRET_ACCESS_KEY"] = FakeAwsCredential.Default.SecretAccessKey;
        }

        return env;
    }

    /// <summary>Live collection waits for real (retry backoff, rate limits), so it runs on the system clock.</summary>
    private static CliResult Run(Dictionary<string, string> environment, params string[] args) =>
        Run(environment, TestContext.Current.CancellationToken, args);

    private static CliResult Run(Dictionary<string, string> environment, CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output, Error = error, Time = TimeProvider.System, IsTerminal = false,
            Environment = name => environment.GetValueOrDefault(name), Cancellation = cancellation,
        };
        var code = EvidenceApp.Run(args, context);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"  total: \d+ calls, \d+ pages, \d+ rows, \d+ throttled, \d+ retried, \d+ failed quer(y|ies); wall time \d+\.\ds")]
    private static partial Regex SummaryLine();
}

using System.Text.Json;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>
/// Whole runs through <see cref="CollectionRunner"/> and <see cref="EvidenceRunWriter"/>: one failing
/// query does not stop the others; rejected credentials, a server that dies and an interruption
/// leave an incomplete run holding what was fetched so far.
/// </summary>
public sealed class AwsCollectionRunTests
{
    private static readonly string[] Rules = ["ACCESS_KEYS_ROTATED", "IAM_USER_MFA_ENABLED", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "RDS_SNAPSHOT_ENCRYPTED", "VPC_FLOW_LOGS_ENABLED"];

    [Fact]
    public async Task AQueryThrottledForeverFailsAndTheRestAreCollected()
    {
        await using var harness = await Deployed();
        harness.Server.Faults.Enqueue(FakeFault.Throttle(ruleName: Name("S3_BUCKET_PUBLIC_READ_PROHIBITED")));
        using var collector = new AwsConfigCollector(harness.Options());

        var result = await Run(harness, collector, new CountingProgress());

        Assert.Equal((true, 4, 1), (result.Complete, result.Collected, result.Failed));
        var manifest = Manifest(harness);
        Assert.Equal("complete", manifest.GetProperty("state").GetString());
        var failed = Assert.Single(manifest.GetProperty("items").EnumerateArray(), i => i.GetProperty("status").GetString() == "failed");
        Assert.Equal(("aws-0003", "ThrottlingException"), (failed.GetProperty("id").GetString(), failed.GetProperty("error").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task ExpiredCredentialsStopTheRunWithOneMessage()
    {
        await using var harness = await Deployed();
        harness.Server.Credentials[0] = FakeAwsCredential.Default with { Expired = true };
        using var collector = new AwsConfigCollector(harness.Options());

        var result = await Run(harness, collector, new CountingProgress());

        Assert.False(result.Complete);
        Assert.Equal(
            "AWS Config rejected the credentials (ExpiredTokenException: The security token included in the request is expired); refresh them (for example 'aws sso login' or 'az login') and collect again",
            result.AbortReason);
        Assert.Equal(Rules.Length, result.NotReached.Count);
        Assert.Equal("incomplete", Manifest(harness).GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("SignatureDoesNotMatch")]
    [InlineData("InvalidClientTokenId")]
    [InlineData("IncompleteSignature")]
    public async Task AnAuthenticationErrorInXmlStopsTheRunAsRejectedCredentials(string code)
    {
        await using var harness = await Deployed();
        harness.Server.Faults.Enqueue(FakeFault.XmlError(403, code, "The request signature we calculated does not match the signature you provided."));
        using var collector = new AwsConfigCollector(harness.Options());

        var result = await Run(harness, collector, new CountingProgress());

        Assert.False(result.Complete);
        Assert.StartsWith($"AWS Config rejected the credentials ({code}: The request signature we calculated", result.AbortReason, StringComparison.Ordinal);
        Assert.Equal("incomplete", Manifest(harness).GetProperty("state").GetString());
    }

    [Fact]
    public async Task AServerThatDiesMidRunLeavesAnIncompleteRunWithWhatWasFetched()
    {
        await using var harness = await Deployed();
        harness.Server.Faults.Enqueue(FakeFault.KillAt(4));
        using var collector = new AwsConfigCollector(harness.Options());

        var result = await Run(harness, collector, new CountingProgress(), maxConcurrency: 1);

        Assert.False(result.Complete);
        Assert.Contains("could not be reached", result.AbortReason, StringComparison.Ordinal);
        var manifest = Manifest(harness);
        Assert.Equal("incomplete", manifest.GetProperty("state").GetString());
        var items = manifest.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["aws-0001", "aws-0002"], items.Where(i => i.GetProperty("status").GetString() == "collected").Select(i => i.GetProperty("id").GetString()));
        Assert.Contains("aws-0005", result.NotReached);
        Assert.All(items, i => Assert.True(File.Exists(harness.RunFile(i.GetProperty("raw")[0].GetProperty("path").GetString()!))));
    }

    [Fact]
    public async Task AnInterruptedRunStaysIncompleteWithTheItemsSoFar()
    {
        await using var harness = await Deployed();
        using var collector = new AwsConfigCollector(harness.Options());
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new CountingProgress { AfterTask = done => { if (done == 2) { interrupt.Cancel(); } } };

        var result = await Run(harness, collector, progress, maxConcurrency: 1, interrupt.Token);

        Assert.Equal((false, "collection was interrupted"), (result.Complete, result.AbortReason));
        var manifest = Manifest(harness);
        Assert.Equal("incomplete", manifest.GetProperty("state").GetString());
        Assert.Equal(["aws-0001", "aws-0002"], manifest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task UnderAServersRateLimitTheCollectorSlowsDownAndLosesNoPage()
    {
        await using var harness = await Deployed(evaluations: 150);
        harness.Server.RateLimit = new FakeRateLimit(perSecond: 5, burst: 2);
        var options = harness.Options() with
        {
            Rate = new AdaptiveRateOptions { InitialRate = 400, MaxRate = 400, Burst = 5 },
            Retry = harness.Options().Retry with { ThrottleRetries = 20, BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(400) },
        };
        using var client = new Aws.Client.AwsConfigClient(options);
        using var collector = new AwsConfigCollector(client);
        var progress = new CountingProgress();

        var result = await Run(harness, collector, progress);

        Assert.Equal((true, Rules.Length, 0), (result.Complete, result.Collected, result.Failed));
        Assert.True(progress.ThrottledCount > 0, "the fake should have throttled");
        Assert.Equal(Rules.Length * 150, progress.Rows);
        Assert.True(client.CurrentRate(AwsHarness.Region) < 400, "the limiter should have slowed down");
    }

    private static async Task<AwsHarness> Deployed(int evaluations = 3)
    {
        var harness = await AwsHarness.StartAsync();
        foreach (var rule in Rules)
        {
            harness.East.AddRule(Name(rule), rule, conformancePack: "hipaa").With(evaluations, "COMPLIANT", AwsHarness.Invoked);
        }

        return harness;
    }

    private static string Name(string rule) => rule.ToLowerInvariant().Replace('_', '-') + "-conformance-pack-k7m2p9";

    private static Task<CollectionResult> Run(
        AwsHarness harness, AwsConfigCollector collector, CountingProgress progress, int maxConcurrency = 4, CancellationToken? cancellationToken = null)
    {
        var tasks = Rules.Select((rule, i) => AwsHarness.RuleTask($"aws-{i + 1:D4}", rule)).ToList();
        var runner = new CollectionRunner([collector], TimeProvider.System, maxConcurrency);
        return runner.RunAsync(tasks, harness.Writer, progress, cancellationToken ?? TestContext.Current.CancellationToken);
    }

    private static JsonElement Manifest(AwsHarness harness) =>
        JsonDocument.Parse(File.ReadAllBytes(harness.RunFile("manifest.json"))).RootElement;
}

using Evidence.Testing;
using System.Text;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>aws-config tasks read directly in one account and region: finding the rule, every page, the item, its raw pages and rows.</summary>
public sealed class RuleCollectionTests
{
    private const string Identifier = "S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private const string PackRule = "s3-bucket-public-read-prohibited-conformance-pack-k7m2p9";

    [Fact]
    public async Task ARuleDeployedByAConformancePackIsFoundByItsIdentifierAndEveryPageIsKept()
    {
        await using var harness = await AwsHarness.StartAsync();
        var rule = harness.East.AddRule(PackRule, Identifier, conformancePack: "hipaa")
            .With(180, "COMPLIANT", AwsHarness.Invoked)
            .With(15, "NON_COMPLIANT", AwsHarness.Invoked, prefix: "public")
            .With(5, "NOT_APPLICABLE", AwsHarness.Invoked, prefix: "other");
        rule.Evaluations[0] = rule.Evaluations[0] with { Annotation = "Bucket allows public read access." };
        harness.East.AddRule("some-other-rule", "IAM_USER_MFA_ENABLED").With(3, "COMPLIANT", AwsHarness.Invoked);
        using var collector = new AwsConfigCollector(harness.Options());
        var progress = new CountingProgress();

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, progress, TestContext.Current.CancellationToken);

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal((200, new ComplianceCounts(180, 15, 5, 0)), (item.Rows, item.Counts));
        Assert.Equal(["raw/aws-0001-1.json", "raw/aws-0001-2.json"], item.Raw.Select(r => r.Path));
        var details = harness.Server.Requests.Where(r => r.Operation == "GetComplianceDetailsByConfigRule").ToList();
        Assert.All(details, r => Assert.Equal((PackRule, 100), (r.Text("ConfigRuleName"), r.Limit)));
        Assert.Equal(2, details.Count);
        Assert.Equal(AwsHarness.Invoked, item.EvaluatedAt);
        Assert.Equal(AwsHarness.ServerTime, item.CollectedAt);
        Assert.Equal((3, 3, 200), (progress.Calls, progress.Pages, progress.Rows));
        var first = File.ReadAllLines(harness.RunFile("results/aws-0001.jsonl"))[0];
        Assert.Equal(
            """{"resource_type":"AWS::S3::Bucket","resource_id":"resource-0001","account":"111122223333","region":"us-east-1","compliance":"COMPLIANT","annotation":"Bucket allows public read access.","evaluated_at":"2026-11-20T03:16:24Z"}""",
            first);
    }

    [Fact]
    public async Task RawPagesAreTheBytesAsServed()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier).With(2, "COMPLIANT", AwsHarness.Invoked);
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        var raw = await File.ReadAllBytesAsync(harness.RunFile(Assert.Single(item.Raw).Path), TestContext.Current.CancellationToken);
        Assert.Equal(
            """{"EvaluationResults":[{"EvaluationResultIdentifier":{"EvaluationResultQualifier":{"ConfigRuleName":"s3-bucket-public-read-prohibited-conformance-pack-k7m2p9","ResourceType":"AWS::S3::Bucket","ResourceId":"resource-0001","EvaluationMode":"DETECTIVE"},"OrderingTimestamp":1.795144584E9},"ComplianceType":"COMPLIANT","ResultRecordedTime":1.79514458435E9,"ConfigRuleInvokedTime":1.795144584E9},{"EvaluationResultIdentifier":{"EvaluationResultQualifier":{"ConfigRuleName":"s3-bucket-public-read-prohibited-conformance-pack-k7m2p9","ResourceType":"AWS::S3::Bucket","ResourceId":"resource-0002","EvaluationMode":"DETECTIVE"},"OrderingTimestamp":1.795144584E9},"ComplianceType":"COMPLIANT","ResultRecordedTime":1.795144584391E9,"ConfigRuleInvokedTime":1.795144584E9}]}""",
            Encoding.UTF8.GetString(raw));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(raw)), item.Raw[0].Sha256);
    }

    [Fact]
    public async Task AnEvaluationLongAgoMakesOldEvidence()
    {
        await using var harness = await AwsHarness.StartAsync();
        var stopped = new DateTimeOffset(2026, 10, 1, 4, 12, 0, TimeSpan.Zero);
        harness.East.AddRule(PackRule, Identifier).With(2, "COMPLIANT", stopped);
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((stopped, stopped), (item.EvaluatedAt, item.AsOf));
    }

    [Fact]
    public async Task ARuleWithNoResultsIsCollectedEmpty()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier);
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, 0, (DateTimeOffset?)null), (item.Status, item.Rows, item.EvaluatedAt));
        Assert.Equal("""{"EvaluationResults":[]}""", await File.ReadAllTextAsync(harness.RunFile(item.Raw[0].Path), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AProcessCheckIsFoundByItsPackNameNotByTheSharedIdentifier()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("annual-risk-assessment-performed-conformance-pack-k7m2p9", "AWS_CONFIG_PROCESS_CHECK").With(1, "COMPLIANT", AwsHarness.Invoked, "AWS::::Account");
        harness.East.AddRule("security-awareness-program-exists-conformance-pack-k7m2p9", "AWS_CONFIG_PROCESS_CHECK").With(1, "NON_COMPLIANT", AwsHarness.Invoked, "AWS::::Account");
        var options = harness.Options() with
        {
            RuleNames = new Dictionary<string, string> { ["AWS_CONFIG_PROCESS_CHECK"] = "annual-risk-assessment-performed" },
        };
        using var collector = new AwsConfigCollector(options);

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", "AWS_CONFIG_PROCESS_CHECK"), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(new ComplianceCounts(1, 0, 0, 0), item.Counts);
        Assert.Equal("annual-risk-assessment-performed-conformance-pack-k7m2p9", Assert.Single(harness.Server.Requests, r => r.Operation == "GetComplianceDetailsByConfigRule").Text("ConfigRuleName"));
    }

    [Fact]
    public async Task ARuleNamedByItsDeployedNameIsFoundToo()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("my-custom-check", "MY_LAMBDA", owner: "CUSTOM_LAMBDA").With(4, "NON_COMPLIANT", AwsHarness.Invoked);
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", "my-custom-check"), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(4, item.Counts.NonCompliant);
    }

    [Fact]
    public async Task ARuleThatIsNotDeployedFailsSayingWhereItIsMissing()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("some-other-rule", "IAM_USER_MFA_ENABLED");
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("NoSuchConfigRuleException", item.Error!.Code);
        Assert.Equal(
            "AWS Config rule S3_BUCKET_PUBLIC_READ_PROHIBITED is not deployed in account 111122223333, region us-east-1: no rule there has the managed-rule identifier S3_BUCKET_PUBLIC_READ_PROHIBITED or name 'S3_BUCKET_PUBLIC_READ_PROHIBITED' or 's3-bucket-public-read-prohibited' (with or without a conformance-pack suffix)",
            item.Error.Message);
        Assert.StartsWith("{\"ConfigRules\":[", await File.ReadAllTextAsync(harness.RunFile(Assert.Single(item.Raw).Path), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Null(item.Results);
    }

    [Fact]
    public async Task TheDeployedRulesAreAskedForOncePerAccountAndRegion()
    {
        await using var harness = await AwsHarness.StartAsync();
        for (var i = 0; i < 30; i++)
        {
            harness.East.AddRule($"rule-{i:D2}-conformance-pack-k7m2p9", $"RULE_{i:D2}").With(1, "COMPLIANT", AwsHarness.Invoked);
        }

        using var collector = new AwsConfigCollector(harness.Options());
        var tasks = Enumerable.Range(0, 30).Select(i => AwsHarness.RuleTask($"aws-{i + 1:D4}", $"RULE_{i:D2}"));

        var items = await Task.WhenAll(tasks.Select(t => collector.CollectAsync(t, harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken)));

        Assert.All(items, i => Assert.Equal((ItemStatus.Collected, 1), (i.Status, i.Rows)));
        Assert.Equal(2, harness.Server.Requests.Count(r => r.Operation == "DescribeConfigRules"));
    }

    [Fact]
    public async Task ComplianceTypesAskForEveryStateTheApiLetsUsFilterOn()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier);
        using var collector = new AwsConfigCollector(harness.Options());

        await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        var request = Assert.Single(harness.Server.Requests, r => r.Operation == "GetComplianceDetailsByConfigRule");
        Assert.Equal(["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE"], request.Body.GetProperty("ComplianceTypes").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AccessDeniedFailsTheQueryWithTheBodyKept()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier).With(2, "COMPLIANT", AwsHarness.Invoked);
        harness.Server.Faults.Enqueue(FakeFault.Error(400, "AccessDeniedException", "User is not authorized to perform config:GetComplianceDetailsByConfigRule", operation: "GetComplianceDetailsByConfigRule"));
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(("AccessDeniedException", $"GetComplianceDetailsByConfigRule: User is not authorized to perform config:GetComplianceDetailsByConfigRule (rule {PackRule})"),
            (item.Error!.Code, item.Error.Message));
        Assert.Contains("AccessDeniedException", await File.ReadAllTextAsync(harness.RunFile(Assert.Single(item.Raw).Path), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeFaultKind.Malformed, "MalformedResponse", "txt")]
    [InlineData(FakeFaultKind.Truncated, "TruncatedResponse", "txt")]
    [InlineData(FakeFaultKind.ServerError, "Http500", "txt")]
    [InlineData(FakeFaultKind.DropConnection, "ConnectionFailed", null)]
    public async Task ABrokenResponseFailsTheQueryAndKeepsWhatArrived(FakeFaultKind fault, string code, string? extension)
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier).With(20, "COMPLIANT", AwsHarness.Invoked);
        harness.Server.Faults.Enqueue(FakeFault.Of(fault, operation: "GetComplianceDetailsByConfigRule"));
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Failed, code), (item.Status, item.Error!.Code));
        Assert.Equal(extension is null ? [] : [$"raw/aws-0001-1.{extension}"], item.Raw.Select(r => r.Path));
    }

    [Fact]
    public async Task ThrottlingThenSuccessCollectsEverythingAndCountsTheRetries()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier).With(250, "COMPLIANT", AwsHarness.Invoked);
        harness.Server.Faults.Enqueue(FakeFault.Throttle(times: 3, operation: "GetComplianceDetailsByConfigRule"));
        using var collector = new AwsConfigCollector(harness.Options());
        var progress = new CountingProgress();

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier), harness.Writer, progress, TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, 250, 3), (item.Status, item.Rows, item.Raw.Count));
        Assert.Equal((3, 3), (progress.ThrottledCount, progress.RetriedCount));
    }

    [Fact]
    public async Task WithoutAnAggregatorAnotherAccountsEvidenceIsNeverTakenForThisOnes()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule(PackRule, Identifier).With(2, "COMPLIANT", AwsHarness.Invoked);
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.RuleTask("aws-0001", Identifier, account: "444455556666"), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal("WrongAccount", item.Error!.Code);
        Assert.StartsWith("the AWS credentials are for account 111122223333, not 444455556666", item.Error.Message, StringComparison.Ordinal);
    }
}

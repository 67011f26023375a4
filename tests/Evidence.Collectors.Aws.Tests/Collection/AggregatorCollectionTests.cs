using System.Text.Json;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>Organization-wide collection through a Config aggregator, called in the aggregator's account and region.</summary>
public sealed class AggregatorCollectionTests
{
    private const string Identifier = "S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private const string PackRule = "s3-bucket-public-read-prohibited-conformance-pack-k7m2p9";

    private static readonly AwsAggregator Aggregator = new("org-hipaa", "999988887777", AwsHarness.Region, default);
    private static readonly FakeAwsCredential AggregatorKey = new("AKIAFAKEAGGREGATOR01", "aggregator/secret/00000000000000000001", "999988887777");

    [Fact]
    public async Task ThroughAnAggregatorTheRuleIsReadForTheSourceAccountAndRegion()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Credentials.Add(AggregatorKey);
        harness.Server.Data.Aggregators.Add(new FakeAggregator("org-hipaa", "999988887777", AwsHarness.Region));
        harness.Server.Data.In("210987654321", AwsHarness.West).AddRule(PackRule.Replace("k7m2p9", "q4w8e1", StringComparison.Ordinal), Identifier)
            .With(120, "COMPLIANT", AwsHarness.Invoked).With(1, "NON_COMPLIANT", AwsHarness.Invoked, prefix: "public");
        harness.Server.Data.In("210987654321", AwsHarness.Region).AddRule(PackRule, Identifier).With(7, "COMPLIANT", AwsHarness.Invoked);
        using var collector = new AwsConfigCollector(harness.Options(AggregatorKey));

        var item = await collector.CollectAsync(
            AwsHarness.RuleTask("aws-0001", Identifier, "210987654321", AwsHarness.West, Aggregator), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, new ComplianceCounts(120, 1, 0, 0)), (item.Status, item.Counts));
        Assert.All(harness.Server.Requests, r => Assert.Equal(("999988887777", AwsHarness.Region), (r.Account, r.Region)));
        var details = harness.Server.Requests.Where(r => r.Operation == "GetAggregateComplianceDetailsByConfigRule").ToList();
        Assert.Equal(2, details.Count);
        Assert.All(details, r => Assert.Equal(("org-hipaa", "210987654321", AwsHarness.West, 100), (r.Text("ConfigurationAggregatorName"), r.Text("AccountId"), r.Text("AwsRegion"), r.Limit)));
        Assert.Contains("\"account\":\"210987654321\",\"region\":\"us-west-2\"", File.ReadAllLines(harness.RunFile("results/aws-0001.jsonl"))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAggregatorFailsTheQuery()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Credentials.Add(AggregatorKey);
        using var collector = new AwsConfigCollector(harness.Options(AggregatorKey));

        var item = await collector.CollectAsync(
            AwsHarness.RuleTask("aws-0001", Identifier, "210987654321", AwsHarness.West, Aggregator), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal("NoSuchConfigurationAggregatorException", item.Error!.Code);
    }

    [Fact]
    public async Task AnAdvancedQueryThroughTheAggregatorCoversEveryAccount()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Credentials.Add(AggregatorKey);
        harness.Server.Data.Aggregators.Add(new FakeAggregator("org-hipaa", "999988887777", AwsHarness.Region));
        harness.Server.Data.In("210987654321", AwsHarness.Region).Resources.Add(new FakeResource("AWS::S3::Bucket", "prod-bucket"));
        harness.Server.Data.In("345678901234", AwsHarness.West).Resources.Add(new FakeResource("AWS::S3::Bucket", "shared-bucket"));
        using var collector = new AwsConfigCollector(harness.Options(AggregatorKey));
        var task = AwsHarness.QueryTask("aws-0001", "SELECT resourceId, resourceType, accountId, awsRegion WHERE resourceType = 'AWS::S3::Bucket'", "999988887777", AwsHarness.Region, Aggregator);

        var item = await collector.CollectAsync(task, harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(2, item.Rows);
        Assert.Equal("org-hipaa", Assert.Single(harness.Server.Requests, r => r.Operation == "SelectAggregateResourceConfig").Text("ConfigurationAggregatorName"));
        var rows = File.ReadAllLines(harness.RunFile("results/aws-0001.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([("210987654321", "us-east-1"), ("345678901234", "us-west-2")], rows.Select(r => (r.GetProperty("account").GetString(), r.GetProperty("region").GetString())));
    }
}

using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Collection;

/// <summary>aws-config-query tasks (SelectResourceConfig and its aggregate form), account checks, and the dry-run description of every kind of task.</summary>
public sealed class AdvancedQueryCollectionTests
{
    private const string Identifier = "S3_BUCKET_PUBLIC_READ_PROHIBITED";

    private static readonly AwsAggregator Aggregator = new("org-hipaa", "999988887777", AwsHarness.Region, default);

    [Fact]
    public async Task AnAdvancedQueryWhoseRowsAreViolationsGivesOneFailingRowPerResult()
    {
        await using var harness = await AwsHarness.StartAsync();
        for (var i = 0; i < 130; i++)
        {
            harness.East.Resources.Add(new FakeResource("AWS::DynamoDB::Table", $"table-{i:D3}")
            {
                Tags = new Dictionary<string, string> { ["tenant"] = $"tenant-{i % 3}", ["data-classification"] = "phi" },
            });
        }

        harness.East.Resources.Add(new FakeResource("AWS::S3::Bucket", "untagged-bucket"));
        harness.East.Resources.Add(new FakeResource("AWS::EC2::Instance", "i-0123"));
        using var collector = new AwsConfigCollector(harness.Options());
        var task = AwsHarness.QueryTask("aws-0001", "SELECT resourceId, resourceType, tags WHERE resourceType IN ('AWS::DynamoDB::Table', 'AWS::S3::Bucket')");

        var item = await collector.CollectAsync(task, harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, 131, 0, 2), (item.Status, item.Counts.NonCompliant, item.Counts.Compliant, item.Raw.Count));
        Assert.Equal((item.CollectedAt, AwsHarness.ServerTime), (item.EvaluatedAt!.Value, item.CollectedAt));
        var lines = File.ReadAllLines(harness.RunFile("results/aws-0001.jsonl"));
        Assert.Equal(
            """{"resource_type":"AWS::DynamoDB::Table","resource_id":"table-000","account":"111122223333","region":"us-east-1","compliance":"NON_COMPLIANT","annotation":"data-classification=phi, tenant=tenant-0","evaluated_at":"2026-11-20T06:00:07Z"}""",
            lines[0]);
        Assert.Contains("\"resource_id\":\"untagged-bucket\"", lines[^1], StringComparison.Ordinal);
        Assert.Contains("\"annotation\":\"no tags\"", lines[^1], StringComparison.Ordinal);
        Assert.All(harness.Server.Requests, r => Assert.Equal(("SelectResourceConfig", 100), (r.Operation, r.Limit)));
    }

    [Fact]
    public async Task ResultsSentAsJsonObjectsGiveTheSameRowsAsResultsSentAsStrings()
    {
        var asStrings = await CollectTaggedTables(asObjects: false);
        var asObjects = await CollectTaggedTables(asObjects: true);

        Assert.Equal(ItemStatus.Collected, asObjects.Status);
        Assert.Equal(3, asObjects.Lines.Length);
        Assert.Equal(asStrings.Lines, asObjects.Lines);
    }

    [Fact]
    public void AResultThatIsNeitherAnObjectNorAStringHoldingOneIsRefusedAndAnAggregateObjectKeepsItsJson()
    {
        var rows = new Aws.Collection.SelectRows(AwsHarness.Account, AwsHarness.Region, "COMPLIANT");

        Assert.False(rows.Add(System.Text.Json.JsonDocument.Parse("[1]").RootElement.Clone()));
        Assert.False(rows.Add(System.Text.Json.JsonDocument.Parse("\"[1]\"").RootElement.Clone()));
        Assert.True(rows.Add(System.Text.Json.JsonDocument.Parse("{\"COUNT(*)\":3}").RootElement.Clone()));
        Assert.Equal("{\"COUNT(*)\":3}", Assert.Single(rows.Rows).Annotation);
    }

    [Fact]
    public async Task AnAdvancedQueryWhoseRowsProveSomethingExistsGivesCompliantRowsAndTagConditionsFilterThem()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.Resources.Add(new FakeResource("AWS::S3::Bucket", "tenant-bucket")
        {
            Tags = new Dictionary<string, string> { ["tenant"] = "t1", ["data-classification"] = "phi" },
        });
        harness.East.Resources.Add(new FakeResource("AWS::S3::Bucket", "untenanted-bucket")
        {
            Tags = new Dictionary<string, string> { ["data-classification"] = "phi" },
        });
        harness.East.Resources.Add(new FakeResource("AWS::S3::Bucket", "internal-bucket")
        {
            Tags = new Dictionary<string, string> { ["data-classification"] = "internal" },
        });
        using var collector = new AwsConfigCollector(harness.Options());
        var task = AwsHarness.QueryTask("aws-0001", "SELECT resourceId, resourceType WHERE resourceType = 'AWS::S3::Bucket' AND tags.tag = 'data-classification=phi' AND NOT tags.key = 'tenant'");
        task = task with { Query = ((AwsConfigAdvancedQuery)task.Query) with { FailWhen = RowAssertion.NoRows } };

        var item = await collector.CollectAsync(task, harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, 1, 0), (item.Status, item.Counts.Compliant, item.Counts.NonCompliant));
        Assert.Contains("\"resource_id\":\"untenanted-bucket\"", File.ReadAllText(harness.RunFile("results/aws-0001.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadExpressionFailsTheQuery()
    {
        await using var harness = await AwsHarness.StartAsync();
        using var collector = new AwsConfigCollector(harness.Options());

        var item = await collector.CollectAsync(AwsHarness.QueryTask("aws-0001", "DELETE everything"), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal("InvalidExpressionException", item.Error!.Code);
    }

    [Fact]
    public async Task CredentialsThatNameTheirAccountAreCheckedBeforeAnyCall()
    {
        await using var harness = await AwsHarness.StartAsync();
        var options = harness.Options() with
        {
            Credentials = new Aws.Credentials.StaticAwsCredentialSource(AwsHarness.ToCredentials(FakeAwsCredential.Default) with { AccountId = "111122223333" }),
        };
        using var collector = new AwsConfigCollector(options);

        var item = await collector.CollectAsync(AwsHarness.QueryTask("aws-0001", "SELECT resourceId", account: "444455556666"), harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal("WrongAccount", item.Error!.Code);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public void DescribeListsTheCallsATaskWouldMake()
    {
        using var collector = new AwsConfigCollector(new AwsConfigOptions { Environment = _ => null, Credentials = new Aws.Credentials.StaticAwsCredentialSource(new("a", "b")), Fips = true });

        var direct = collector.Describe(AwsHarness.RuleTask("aws-0001", Identifier, region: "us-gov-west-1")).ToList();
        var aggregated = collector.Describe(AwsHarness.RuleTask("aws-0002", Identifier, "210987654321", AwsHarness.West, Aggregator)).ToList();
        var query = collector.Describe(AwsHarness.QueryTask("aws-0003", "SELECT resourceId\n  WHERE resourceType = 'AWS::S3::Bucket'")).ToList();

        Assert.Equal(
            [
                "DescribeConfigRules https://config.us-gov-west-1.amazonaws.com/ account 111122223333, every page: find rules with identifier S3_BUCKET_PUBLIC_READ_PROHIBITED or named S3_BUCKET_PUBLIC_READ_PROHIBITED[-conformance-pack-*] or s3-bucket-public-read-prohibited[-conformance-pack-*] (once per account and region)",
                "GetComplianceDetailsByConfigRule https://config.us-gov-west-1.amazonaws.com/ ConfigRuleName=<each rule found> ComplianceTypes=COMPLIANT,NON_COMPLIANT,NOT_APPLICABLE Limit=100, every page",
            ],
            direct);
        Assert.Equal(
            [
                "DescribeAggregateComplianceByConfigRules https://config-fips.us-east-1.amazonaws.com/ ConfigurationAggregatorName=org-hipaa AccountId=210987654321 AwsRegion=us-west-2 Limit=1000, every page: find rules named S3_BUCKET_PUBLIC_READ_PROHIBITED[-conformance-pack-*] or s3-bucket-public-read-prohibited[-conformance-pack-*] (once per account and region)",
                "GetAggregateComplianceDetailsByConfigRule https://config-fips.us-east-1.amazonaws.com/ ConfigurationAggregatorName=org-hipaa ConfigRuleName=<each rule found> AccountId=210987654321 AwsRegion=us-west-2 Limit=100, every page",
            ],
            aggregated);
        Assert.Equal(["SelectResourceConfig https://config-fips.us-east-1.amazonaws.com/ account 111122223333 Expression=\"SELECT resourceId WHERE resourceType = 'AWS::S3::Bucket'\" Limit=100, every page"], query);
    }

    private static async Task<(ItemStatus Status, string[] Lines)> CollectTaggedTables(bool asObjects)
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Data.SelectResultsAsObjects = asObjects;
        for (var i = 0; i < 3; i++)
        {
            harness.East.Resources.Add(new FakeResource("AWS::DynamoDB::Table", $"table-{i}") { Tags = new Dictionary<string, string> { ["tenant"] = $"t{i}" } });
        }

        using var collector = new AwsConfigCollector(harness.Options());
        var task = AwsHarness.QueryTask("aws-0001", "SELECT resourceId, resourceType, accountId, awsRegion, tags WHERE resourceType = 'AWS::DynamoDB::Table'");

        var item = await collector.CollectAsync(task, harness.Writer, new CountingProgress(), TestContext.Current.CancellationToken);

        return (item.Status, File.ReadAllLines(harness.RunFile("results/aws-0001.jsonl")));
    }
}

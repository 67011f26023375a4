using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Bulk;

/// <summary>
/// The AWS bulk plan against the fake aggregator: summary paging, non-compliant detail (per rule and
/// organisation-wide), and what goes wrong at scale (an account gone from the aggregator, a region not
/// enabled, throttling, rejected credentials).
/// </summary>
public sealed class BulkCollectionTests
{
    private static readonly AwsAggregator Aggregator = new("org-hipaa", FakeAwsCredential.Default.Account, AwsHarness.Region, default);
    private static readonly (string, string)[] Rules = [.. Enumerable.Range(1, 10).Select(i => ($"BENCH_RULE_{i:D2}", $"bench-rule-{i:D2}"))];

    [Fact]
    public async Task AnOrganisationIsReadInTwoSummaryPagesAndItsNonCompliantResourcesInOneQuery()
    {
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 10, regions: 17);
        using var collector = new AwsConfigCollector(harness.Options());
        var tasks = Tasks(organization);

        var items = await CollectAsync(collector, tasks, harness.Writer);

        Assert.Equal(tasks.Count, items.Count);
        Assert.All(items, i => Assert.Equal((ItemStatus.Collected, EvidenceMethod.Summary), (i.Status, i.Method)));

        // 1,700 summary rows at 1,000 a page; every non-compliant resource in one organisation-wide query.
        var operations = harness.Server.Requests.GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, operations["DescribeAggregateComplianceByConfigRules"]);
        Assert.Equal(NonCompliantPhase(organization.NonCompliantResources), operations["SelectAggregateResourceConfig"]);
        Assert.False(operations.ContainsKey("GetAggregateComplianceDetailsByConfigRule"));

        // Every non-compliant resource of every rule is stored, and nothing else.
        var expected = Enumerable.Range(0, organization.NonCompliantResources).Sum(n => organization.RulesOf(organization.NonCompliant(n).Resource).Count);
        Assert.Equal(expected, items.Sum(i => i.Counts.NonCompliant));
        Assert.All(items.Where(i => i.Counts.NonCompliant == 0), i => Assert.Null(i.Results));
        Assert.All(items, i => Assert.Null(i.Counts.Compliant));

        // The two summary pages are each stored once and listed by the items they answer.
        var summaryPages = items.SelectMany(i => i.Raw).Select(f => f.Path).Where(p => p.StartsWith("raw/aws-summary-", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(2, summaryPages.Count);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(harness.Writer.Directory, "raw"), "aws-summary-*").Length);
    }

    [Fact]
    public async Task ARuleWithMoreThanAThousandFailingResourcesIsPagedToTheLast()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Data.Aggregators.Add(new FakeAggregator(Aggregator.Name, Aggregator.Account, Aggregator.Region));
        harness.Server.Data.In("210987654321", AwsHarness.Region).AddRule("bench-rule-01", "BENCH_RULE_01")
            .With(1050, "NON_COMPLIANT", AwsHarness.Invoked).With(3, "COMPLIANT", AwsHarness.Invoked, prefix: "fine");
        using var collector = new AwsConfigCollector(harness.Options());

        var item = Assert.Single(await CollectAsync(collector, [AwsHarness.RuleTask("aws-0001", "BENCH_RULE_01", "210987654321", AwsHarness.Region, Aggregator)], harness.Writer));

        Assert.Equal((ItemStatus.Collected, EvidenceMethod.Summary, 1050, 1050), (item.Status, item.Method, item.Counts.NonCompliant, item.Rows));
        Assert.Equal(11, harness.Server.Requests.Count(r => r.Operation is "GetAggregateComplianceDetailsByConfigRule" or "SelectAggregateResourceConfig"));
    }

    [Fact]
    public async Task AnAccountThatLeftTheAggregatorAndARegionNotEnabledAreNotCollectedAndTheRestIs()
    {
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 3, regions: 2, gone: FakeOrganization.AccountId(1));
        using var collector = new AwsConfigCollector(harness.Options());
        var tasks = Tasks(organization).Append(AwsHarness.RuleTask("aws-9999", "BENCH_RULE_01", FakeOrganization.AccountId(0), "af-south-1", Aggregator)).ToList();

        var items = await CollectAsync(collector, tasks, harness.Writer);

        var failed = items.Where(i => i.Status == ItemStatus.Failed).ToList();
        Assert.Equal(Rules.Length * 2 + 1, failed.Count);
        Assert.All(failed, i => Assert.Contains("may have left the aggregator, or the region is not enabled", i.Error!.Message, StringComparison.Ordinal));
        Assert.All(failed.Where(i => i.Id != "aws-9999"), i => Assert.Equal(FakeOrganization.AccountId(1), i.Source.Account));
        Assert.Equal(tasks.Count - failed.Count, items.Count(i => i.Status == ItemStatus.Collected));
    }

    [Fact]
    public async Task ThrottlingIsRetriedAndTheRunCompletes()
    {
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 2, regions: 2);
        harness.Server.Faults.Enqueue(new FakeFault(FakeFaultKind.Throttle, times: 2));
        using var collector = new AwsConfigCollector(harness.Options());
        var progress = new CountingProgress();

        var items = await CollectAsync(collector, Tasks(organization), harness.Writer, progress);

        Assert.All(items, i => Assert.Equal(ItemStatus.Collected, i.Status));
        Assert.Equal(2, progress.ThrottledCount);
    }

    [Fact]
    public async Task RejectedCredentialsStopTheWholePlan()
    {
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 2, regions: 1);
        using var collector = new AwsConfigCollector(harness.Options(FakeAwsCredential.Default with { SecretAccessKey = "wrong/secret/000000000000000000000000001" }));

        await Assert.ThrowsAsync<CollectionAbortedException>(() => CollectAsync(collector, Tasks(organization), harness.Writer));
    }

    [Theory]
    [InlineData(1, 2, DetailLevel.All, 264)]
    [InlineData(10, 17, DetailLevel.NonCompliant, 32)]
    [InlineData(1000, 17, DetailLevel.NonCompliant, 3_118)]
    public void TheEstimateForSmallMediumAndOrganisationBoundariesIsTheKnownAnswer(int accounts, int regions, DetailLevel chosen, long calls)
    {
        using var collector = new AwsConfigCollector(new AwsConfigOptions());
        var tasks = PlannedTasks(accounts, regions, rules: 131);

        var estimate = collector.Estimate(tasks, DetailLevel.Auto, EstimateBasis.Assumed);

        Assert.Equal((chosen, calls, (long)accounts * regions * 131), (estimate.Detail, estimate.Calls, estimate.Tasks));
        Assert.True(estimate.Seconds <= 3600, $"{estimate.Seconds} s");
    }

    [Fact]
    public void TheOrganisationEstimateNamesItsOperations()
    {
        using var collector = new AwsConfigCollector(new AwsConfigOptions());

        var estimate = collector.Estimate(PlannedTasks(1000, 17, rules: 131), DetailLevel.NonCompliant, EstimateBasis.Assumed);

        // 2,227,000 summary rows unfiltered at 1,000 a page; 2% of rule results failing with 2 resources each, 100 a page.
        Assert.Equal([KeyValuePair.Create("DescribeAggregateComplianceByConfigRules", 2_227L), KeyValuePair.Create("SelectAggregateResourceConfig", 891L)], estimate.CallsByOperation);
        Assert.Equal((3_118 - 1) / 10.0, estimate.Seconds, precision: 3);
        var perRule = collector.Estimate(PlannedTasks(1000, 17, rules: 131), DetailLevel.All, EstimateBasis.Assumed);
        Assert.Equal(17_000 + 2_227_000, perRule.Calls);
    }

    private static IEnumerable<CollectionTask> PlannedTasks(int accounts, int regions, int rules)
    {
        var number = 0;
        for (var r = 1; r <= rules; r++)
        {
            for (var a = 0; a < accounts; a++)
            {
                foreach (var region in FakeOrganization.RegionNames.Take(regions))
                {
                    yield return AwsHarness.RuleTask($"aws-{++number:D4}", $"RULE_{r:D3}", FakeOrganization.AccountId(a), region, Aggregator);
                }
            }
        }
    }

    private static FakeOrganization Organization(AwsHarness harness, int accounts, int regions, string? gone = null)
    {
        var organization = new FakeOrganization(accounts, regions, Rules, resourcesPerRegion: 20, nonCompliantPerThousand: 100);
        harness.Server.Data.Organization = organization;
        harness.Server.Data.Aggregators.Add(new FakeAggregator(Aggregator.Name, Aggregator.Account, Aggregator.Region)
        {
            Accounts = gone is null ? null : Enumerable.Range(0, accounts).Select(FakeOrganization.AccountId).Where(a => a != gone).ToHashSet(),
        });
        return organization;
    }

    private static List<CollectionTask> Tasks(FakeOrganization organization) =>
        [.. Enumerable.Range(0, organization.Sources).SelectMany(s => Rules.Select(r => (Source: organization.Source(s), Rule: r.Item1)))
            .Select((x, i) => AwsHarness.RuleTask($"aws-{i + 1:D4}", x.Rule, x.Source.Account, x.Source.Region, Aggregator))];

    private static int NonCompliantPhase(int resources) => Math.Max(1, (resources + 99) / 100);

    private static async Task<List<EvidenceItem>> CollectAsync(AwsConfigCollector collector, IReadOnlyList<CollectionTask> tasks, EvidenceRunWriter writer, CountingProgress? progress = null)
    {
        var items = new List<EvidenceItem>();
        await foreach (var item in collector.CollectAllAsync(tasks, DetailLevel.NonCompliant, writer, progress ?? new CountingProgress(), TestContext.Current.CancellationToken))
        {
            items.Add(item);
        }

        return items;
    }
}

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
    public async Task AnOrganisationIsReadInOneSummaryListingPerRegionAndItsNonCompliantResourcesInOneQuery()
    {
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 10, regions: 17);
        using var collector = new AwsConfigCollector(harness.Options());
        var tasks = Tasks(organization);

        var items = await CollectAsync(collector, tasks, harness.Writer);

        Assert.Equal(tasks.Count, items.Count);
        Assert.All(items, i => Assert.Equal((ItemStatus.Collected, EvidenceMethod.Summary), (i.Status, i.Method)));

        // 100 summary rows a region, one page each, the regions listed by AwsRegion alone (not 170 listings, one per
        // account and region); every non-compliant resource in one organisation-wide query.
        var operations = harness.Server.Requests.GroupBy(r => r.Operation).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(17, operations["DescribeAggregateComplianceByConfigRules"]);
        Assert.Equal(FakeOrganization.RegionNames, SummaryFilters(harness).Select(f => f.Region).Order(StringComparer.Ordinal));
        Assert.All(SummaryFilters(harness), f => Assert.Null(f.Account));
        Assert.Equal(NonCompliantPhase(organization.NonCompliantResources), operations["SelectAggregateResourceConfig"]);
        Assert.False(operations.ContainsKey("GetAggregateComplianceDetailsByConfigRule"));

        // Every non-compliant resource of every rule is stored, and nothing else.
        var expected = Enumerable.Range(0, organization.NonCompliantResources).Sum(n => organization.RulesOf(organization.NonCompliant(n).Resource).Count);
        Assert.Equal(expected, items.Sum(i => i.Counts.NonCompliant));
        Assert.All(items.Where(i => i.Counts.NonCompliant == 0), i => Assert.Null(i.Results));
        Assert.All(items, i => Assert.Null(i.Counts.Compliant));

        // Each region's page is stored once and listed by the items of that region, and only by them.
        Assert.Equal(17, Directory.GetFiles(Path.Combine(harness.Writer.Directory, "raw"), "aws-summary-*").Length);
        var pagesByRegion = items.GroupBy(i => i.Source.Region!).ToDictionary(g => g.Key, g => g.SelectMany(i => i.Raw).Select(f => f.Path).Where(IsSummaryPage).Distinct().ToList());
        Assert.All(pagesByRegion.Values, pages => Assert.Single(pages));
        Assert.Equal(17, pagesByRegion.Values.Select(p => p[0]).Distinct().Count());
    }

    [Fact]
    public async Task ARegionWhoseRowsCrossAPageBoundaryIsPagedAndTheSourceOnBothPagesListsBoth()
    {
        // 334 accounts × 3 rules: 1,002 rows in one region, account-major, so the last account's first rule ends page 1.
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 334, regions: 1, rules: 3);
        using var collector = new AwsConfigCollector(harness.Options());
        var tasks = Tasks(organization, rules: 3);

        var items = await CollectAsync(collector, tasks, harness.Writer);

        Assert.All(items, i => Assert.Equal((ItemStatus.Collected, EvidenceMethod.Summary), (i.Status, i.Method)));
        Assert.Equal(2, harness.Server.Requests.Count(r => r.Operation == "DescribeAggregateComplianceByConfigRules"));
        var last = items.Where(i => i.Source.Account == FakeOrganization.AccountId(333)).ToList();
        Assert.Equal(3, last.Count);
        Assert.All(last, i => Assert.Equal(["raw/aws-summary-ap-northeast-1-1.json", "raw/aws-summary-ap-northeast-1-2.json"], i.Raw.Select(f => f.Path).Where(IsSummaryPage).Order(StringComparer.Ordinal)));
        Assert.All(items.Where(i => i.Source.Account == FakeOrganization.AccountId(0)), i => Assert.Equal(["raw/aws-summary-ap-northeast-1-1.json"], i.Raw.Select(f => f.Path).Where(IsSummaryPage)));
    }

    [Fact]
    public async Task ARegionFarLargerInTheAggregatorThanInTheBoundaryIsReadSourceBySourceAndTheOtherRegionIsStillListed()
    {
        // The aggregator holds 400 accounts in ap-northeast-1 (4,000 rows), the boundary 2 of them (20 rows, one page):
        // that listing is given up past 3 pages (twice one, and one); eu-west-1 holds just the boundary's 2 accounts.
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 400, regions: 1);
        var west = "eu-west-1";
        foreach (var account in new[] { FakeOrganization.AccountId(0), FakeOrganization.AccountId(1) })
        {
            foreach (var (identifier, name) in Rules)
            {
                harness.Server.Data.In(account, west).AddRule(name, identifier).With(1, "COMPLIANT", AwsHarness.Invoked);
            }
        }

        using var collector = new AwsConfigCollector(harness.Options());
        var tasks = Tasks(organization).Where(t => t.Source.Account is "100000000000" or "100000000001")
            .Concat(Tasks(organization).Take(2 * Rules.Length).Select(t => AwsHarness.RuleTask("aws-w" + t.ItemId, ((AwsConfigRuleQuery)t.Query).Rule, t.Source.Account!, west, Aggregator)))
            .ToList();

        var items = await CollectAsync(collector, tasks, harness.Writer);

        Assert.Equal(4 * Rules.Length, items.Count);
        Assert.All(items, i => Assert.Equal((ItemStatus.Collected, EvidenceMethod.Summary), (i.Status, i.Method)));
        var filters = SummaryFilters(harness);
        Assert.Equal(4, filters.Count(f => f is { Region: "ap-northeast-1", Account: null }));
        Assert.Equal([FakeOrganization.AccountId(0), FakeOrganization.AccountId(1)], filters.Where(f => f.Account is not null).Select(f => f.Account).Order(StringComparer.Ordinal));
        Assert.All(filters.Where(f => f.Account is not null), f => Assert.Equal("ap-northeast-1", f.Region));
        Assert.Equal(1, filters.Count(f => f.Region == west));
    }

    [Fact]
    public async Task ARegionWhoseListingFailsIsReadSourceBySourceAndTheOtherRegionIsNot()
    {
        await using var harness = await AwsHarness.StartAsync();
        var organization = Organization(harness, accounts: 3, regions: 2);
        var failing = FakeOrganization.RegionNames[1];
        harness.Server.Faults.Enqueue(new FakeFault(FakeFaultKind.Error, 1, r => r.Operation == "DescribeAggregateComplianceByConfigRules" && Filter(r, "AwsRegion") == failing && Filter(r, "AccountId") is null)
        {
            Status = 400, Code = "ValidationException", Message = "the fake refuses this listing once",
        });
        using var collector = new AwsConfigCollector(harness.Options());

        var items = await CollectAsync(collector, Tasks(organization), harness.Writer);

        Assert.All(items, i => Assert.Equal((ItemStatus.Collected, EvidenceMethod.Summary), (i.Status, i.Method)));
        var filters = SummaryFilters(harness);
        Assert.Equal(
            [(null, FakeOrganization.RegionNames[0]), (null, failing), (FakeOrganization.AccountId(0), failing), (FakeOrganization.AccountId(1), failing), (FakeOrganization.AccountId(2), failing)],
            filters.Select(f => (f.Account, f.Region)).Order());
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

        // Each enabled region in one listing; af-south-1 holds one source of the boundary, so it is asked for that source alone.
        Assert.Equal(
            [(null, FakeOrganization.RegionNames[0]), (null, FakeOrganization.RegionNames[1]), (FakeOrganization.AccountId(0), "af-south-1")],
            SummaryFilters(harness).Select(f => (f.Account, f.Region)).Order());
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

    private static FakeOrganization Organization(AwsHarness harness, int accounts, int regions, string? gone = null, int rules = 10)
    {
        var organization = new FakeOrganization(accounts, regions, Rules[..rules], resourcesPerRegion: 20, nonCompliantPerThousand: 100);
        harness.Server.Data.Organization = organization;
        harness.Server.Data.Aggregators.Add(new FakeAggregator(Aggregator.Name, Aggregator.Account, Aggregator.Region)
        {
            Accounts = gone is null ? null : Enumerable.Range(0, accounts).Select(FakeOrganization.AccountId).Where(a => a != gone).ToHashSet(),
        });
        return organization;
    }

    private static List<CollectionTask> Tasks(FakeOrganization organization, int rules = 10) =>
        [.. Enumerable.Range(0, organization.Sources).SelectMany(s => Rules[..rules].Select(r => (Source: organization.Source(s), Rule: r.Item1)))
            .Select((x, i) => AwsHarness.RuleTask($"aws-{i + 1:D4}", x.Rule, x.Source.Account, x.Source.Region, Aggregator))];

    private static bool IsSummaryPage(string path) => path.StartsWith("raw/aws-summary-", StringComparison.Ordinal);

    /// <summary>The (AccountId, AwsRegion) filters of every summary listing the fake was asked for.</summary>
    private static List<(string? Account, string? Region)> SummaryFilters(AwsHarness harness) =>
        [.. harness.Server.Requests.Where(r => r.Operation == "DescribeAggregateComplianceByConfigRules").Select(r => (Filter(r, "AccountId"), Filter(r, "AwsRegion")))];

    private static string? Filter(FakeAwsRequest request, string name) =>
        request.Body.TryGetProperty("Filters", out var filters) && filters.TryGetProperty(name, out var value) ? value.GetString() : null;

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

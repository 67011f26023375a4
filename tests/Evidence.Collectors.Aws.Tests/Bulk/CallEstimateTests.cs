using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Bulk;

/// <summary>
/// The AWS call estimate (`collect --dry-run`) with known answers: the per-rule plan, and the bulk plan's summary
/// listed region by region (or source by source where that is fewer calls) and its non-compliant detail.
/// </summary>
public sealed class CallEstimateTests
{
    private static readonly AwsAggregator Aggregator = new("org-hipaa", FakeAwsCredential.Default.Account, AwsHarness.Region, default);

    [Theory]
    [InlineData(1, 2, DetailLevel.All, 264)]
    [InlineData(10, 17, DetailLevel.NonCompliant, 43)]
    [InlineData(1000, 17, DetailLevel.NonCompliant, 3_118)]
    public void TheEstimateForSmallMediumAndOrganisationBoundariesIsTheKnownAnswer(int accounts, int regions, DetailLevel chosen, long calls)
    {
        // 10 × 17: 1,310 summary rows a region, 2 pages each (34; one listing of all 22,270 rows took 23 but was one
        // chain of round trips), and 446 failing rule results with 2 resources each, 100 a page (9).
        // 1,000 × 17: 131,000 rows a region, 131 pages each (2,227, as unfiltered), and 891 pages of non-compliant resources.
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

        // 131,000 summary rows in each of 17 regions at 1,000 a page; 2% of rule results failing with 2 resources each, 100 a page.
        Assert.Equal([KeyValuePair.Create("DescribeAggregateComplianceByConfigRules", 2_227L), KeyValuePair.Create("SelectAggregateResourceConfig", 891L)], estimate.CallsByOperation);
        Assert.Equal((3_118 - 1) / 10.0, estimate.Seconds, precision: 3);
        var perRule = collector.Estimate(PlannedTasks(1000, 17, rules: 131), DetailLevel.All, EstimateBasis.Assumed);
        Assert.Equal(17_000 + 2_227_000, perRule.Calls);
    }

    [Fact]
    public void ASummaryListedRegionByRegionCostsAtMostOnePartialPageARegionMore()
    {
        using var collector = new AwsConfigCollector(new AwsConfigOptions());

        var estimate = collector.Estimate(PlannedTasks(100, 17, rules: 131), DetailLevel.NonCompliant, EstimateBasis.Assumed);

        // 13,100 rows a region: 14 pages each, 238 in all, where 222,700 rows unfiltered were 223 pages in one chain.
        Assert.Equal(238, estimate.CallsByOperation.Single(c => c.Key == "DescribeAggregateComplianceByConfigRules").Value);
    }

    [Fact]
    public void EachRegionIsPricedAtTheCheaperOfOneListingAndOneListingPerSource()
    {
        using var collector = new AwsConfigCollector(new AwsConfigOptions());
        var tasks = PlannedTasks(1, 1, rules: 131).Concat(PlannedTasks(3, 1, rules: 131, skipRegions: 1)).Concat(PlannedTasks(2, 1, rules: 600, skipRegions: 2));

        var estimate = collector.Estimate(tasks, DetailLevel.NonCompliant, EstimateBasis.Assumed);

        // ap-northeast-1: one source, one page either way. ap-northeast-2: 3 accounts' 393 rows in one listed page, where
        // source by source takes 3. ap-northeast-3: 1,200 rows are 2 pages either way, so its 2 sources are asked one by one.
        Assert.Equal(1 + 1 + 2, estimate.CallsByOperation.Single(c => c.Key == "DescribeAggregateComplianceByConfigRules").Value);
    }

    private static IEnumerable<CollectionTask> PlannedTasks(int accounts, int regions, int rules, int skipRegions = 0)
    {
        var number = 0;
        for (var r = 1; r <= rules; r++)
        {
            for (var a = 0; a < accounts; a++)
            {
                foreach (var region in FakeOrganization.RegionNames.Skip(skipRegions).Take(regions))
                {
                    yield return AwsHarness.RuleTask($"aws-{skipRegions}-{++number:D4}", $"RULE_{r:D3}", FakeOrganization.AccountId(a), region, Aggregator);
                }
            }
        }
    }
}

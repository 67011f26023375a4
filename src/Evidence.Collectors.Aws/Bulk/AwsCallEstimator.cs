using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// The calls AWS collection needs at most, from one pass over the streamed tasks: it keeps a count per
/// account and region, never the tasks. Both plans are priced, today's per-rule one and the bulk one, so
/// <see cref="DetailLevel.Auto"/> can keep full detail where it is cheap (<see cref="AutoDetailSeconds"/>).
/// Calls to one region share a rate limit and regions go at once, so the time is the busiest region's.
/// </summary>
internal static class AwsCallEstimator
{
    /// <summary>Auto keeps today's full per-resource detail when it takes at most this long at the configured rate.</summary>
    public const double AutoDetailSeconds = 15 * 60;

    /// <summary>DescribeConfigRules takes no Limit and answers 25 rules a page.</summary>
    private const int RulesPerListing = 25;

    public static CallEstimate Estimate(IEnumerable<CollectionTask> tasks, DetailLevel detail, EstimateBasis basis, AwsConfigOptions options)
    {
        var bulkSources = new Dictionary<(string, string), int>();
        var directSources = new Dictionary<(string, string), int>();
        var direct = new Calls();
        string? aggregatorRegion = null;
        long count = 0, bulkTasks = 0;
        var perItem = Pages(basis.ResourcesPerItem);
        foreach (var task in tasks)
        {
            count++;
            if (BulkScope.Of(task) is { } aggregator)
            {
                aggregatorRegion = aggregator.Region;
                bulkTasks++;
                var source = BulkScope.SourceOf(task);
                bulkSources[source] = bulkSources.GetValueOrDefault(source) + 1;
                continue;
            }

            switch (task.Query)
            {
                case AwsConfigRuleQuery query when AggregatorTarget.For(task, query.Aggregator) is { } own:
                    direct.Add(own.Region, AwsConfigOperation.DescribeAggregateComplianceByConfigRules.Name, 1);
                    direct.Add(own.Region, AwsConfigOperation.GetAggregateComplianceDetailsByConfigRule.Name, perItem);
                    break;
                case AwsConfigRuleQuery:
                    var source = BulkScope.SourceOf(task);
                    directSources[source] = directSources.GetValueOrDefault(source) + 1;
                    direct.Add(source.Region, AwsConfigOperation.GetComplianceDetailsByConfigRule.Name, perItem);
                    break;
                case AwsConfigAdvancedQuery query when AggregatorTarget.For(task, query.Aggregator) is { } own:
                    direct.Add(own.Region, AwsConfigOperation.SelectAggregateResourceConfig.Name, perItem);
                    break;
                default:
                    direct.Add(task.Source.Region ?? string.Empty, AwsConfigOperation.SelectResourceConfig.Name, perItem);
                    break;
            }
        }

        foreach (var ((_, region), rules) in directSources)
        {
            direct.Add(region, AwsConfigOperation.DescribeConfigRules.Name, (rules + RulesPerListing - 1) / RulesPerListing);
        }

        var perRule = direct.Copy();
        var bulk = direct.Copy();
        if (aggregatorRegion is { } home)
        {
            perRule.Add(home, AwsConfigOperation.DescribeAggregateComplianceByConfigRules.Name, SummaryPhase.PerSourceCalls(bulkSources.Values));
            perRule.Add(home, AwsConfigOperation.GetAggregateComplianceDetailsByConfigRule.Name, bulkTasks * perItem);
            bulk.Add(home, AwsConfigOperation.DescribeAggregateComplianceByConfigRules.Name, SummaryPhase.Calls(bulkSources));
            var failing = Up(basis.FailingShare * bulkTasks);
            var byRule = failing * Pages(basis.NonCompliantPerFailing);
            var organisationWide = NonCompliantPhase.BulkCalls(Up(failing * basis.NonCompliantPerFailing));
            if (failing > 0)
            {
                bulk.Add(home, organisationWide < byRule ? AwsConfigOperation.SelectAggregateResourceConfig.Name : AwsConfigOperation.GetAggregateComplianceDetailsByConfigRule.Name,
                    Math.Min(byRule, organisationWide));
            }
        }

        var resolved = detail switch
        {
            DetailLevel.Auto => aggregatorRegion is null || perRule.Seconds(options) <= AutoDetailSeconds ? DetailLevel.All : DetailLevel.NonCompliant,
            _ => detail,
        };
        var chosen = resolved == DetailLevel.All ? perRule : bulk;
        return new CallEstimate
        {
            Cloud = AwsCloud.Instance.Name, CallsByOperation = chosen.ByOperation(), Seconds = chosen.Seconds(options), Tasks = count, Detail = resolved,
            Basis = basis.Description,
        };
    }

    private static long Pages(double resources) => Math.Max(1, Up(resources / NonCompliantPhase.PageSize));

    /// <summary>Rounds up, but not a product such as 0.02 × 2,227,000 that floating point puts a hair above a whole number.</summary>
    private static long Up(double value) => (long)Math.Ceiling(value - 1e-9);

    /// <summary>Calls by region and operation.</summary>
    private sealed class Calls
    {
        private readonly Dictionary<(string Region, string Operation), long> _calls = [];

        public void Add(string region, string operation, long calls) => _calls[(region, operation)] = _calls.GetValueOrDefault((region, operation)) + calls;

        public Calls Copy()
        {
            var copy = new Calls();
            foreach (var (key, value) in _calls)
            {
                copy._calls[key] = value;
            }

            return copy;
        }

        public IReadOnlyList<KeyValuePair<string, long>> ByOperation() =>
            [.. _calls.Where(c => c.Value > 0).GroupBy(c => c.Key.Operation).Select(g => KeyValuePair.Create(g.Key, g.Sum(c => c.Value))).OrderBy(c => c.Key, StringComparer.Ordinal)];

        public double Seconds(AwsConfigOptions options) =>
            _calls.GroupBy(c => c.Key.Region).Select(g => CallEstimate.SecondsAt(g.Sum(c => c.Value), options.Rate.MaxRate, options.Rate.Burst)).DefaultIfEmpty(0).Max();
    }
}

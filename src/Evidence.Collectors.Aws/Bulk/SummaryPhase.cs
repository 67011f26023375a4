using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// Reads every rule's compliance in every account and region of the boundary with
/// DescribeAggregateComplianceByConfigRules (1,000 rows a page), by whichever needs fewer calls: one listing
/// per account and region (Filters AccountId and AwsRegion, as discovery always did), or one unfiltered
/// listing of the whole aggregator with rows outside the boundary dropped. An aggregator far larger than the
/// boundary would make the unfiltered listing dear, so it is abandoned past twice its expected pages and the
/// per-source listings are read instead.
/// </summary>
internal static class SummaryPhase
{
    public const int PageSize = 1000;

    /// <summary>Calls for one listing per source holding <paramref name="rules"/> rules each.</summary>
    public static long PerSourceCalls(IEnumerable<int> rules) => rules.Sum(n => Pages(n));

    /// <summary>Calls for one unfiltered listing of <paramref name="rules"/> rows in all.</summary>
    public static long UnfilteredCalls(long rules) => Pages(rules);

    public static long Pages(long rows) => Math.Max(1, (rows + PageSize - 1) / PageSize);

    /// <summary>
    /// Each source's summary, and the non-compliant (rule, resource) pairs the listing counted outside the
    /// boundary (known only from an unfiltered listing; 0 otherwise), which an organisation-wide query would also return.
    /// </summary>
    public static async Task<(Dictionary<(string Account, string Region), SourceSummary> Table, long NonCompliantOutside)> ReadAsync(
        AwsConfigClient client, RuleDirectory directory, AggregatorTarget aggregator, IReadOnlyDictionary<(string Account, string Region), int> sources,
        SharedPages pages, ICollectionProgress progress, int concurrency, CancellationToken cancellationToken)
    {
        var unfiltered = UnfilteredCalls(sources.Values.Sum(n => (long)n));
        var table = sources.Keys.ToDictionary(k => k, _ => new SourceSummary());
        var outside = new long[1];
        if (unfiltered < PerSourceCalls(sources.Values) &&
            await UnfilteredAsync(client, aggregator, table, pages, (2 * unfiltered) + 1, outside, progress, cancellationToken).ConfigureAwait(false))
        {
            return (table, outside[0]);
        }

        // Pages already saved stay listed by the sources they hold rows of; only the rules are read again.
        foreach (var summary in table.Values)
        {
            summary.Rules.Clear();
        }

        await Parallel.ForEachAsync(table, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            var (account, region) = entry.Key;
            var lookup = await directory.SummaryAsync(aggregator, account, region, progress, token).ConfigureAwait(false);
            foreach (var page in lookup.Pages.Where(p => p.Body.Length > 0 || p.StatusCode != 0))
            {
                entry.Value.AddPage(pages.Save(page));
                entry.Value.AnsweredAt = SharedPages.AnsweredAt(page, client.Options.Time.GetUtcNow());
            }

            entry.Value.Rules.AddRange(lookup.Rules);
            entry.Value.Error = lookup.Error;
        }).ConfigureAwait(false);
        return (table, 0);
    }

    /// <summary>The whole aggregator in one listing; false when it failed or ran past <paramref name="budget"/> pages.</summary>
    private static async Task<bool> UnfilteredAsync(
        AwsConfigClient client, AggregatorTarget aggregator, Dictionary<(string, string), SourceSummary> table, SharedPages pages, long budget,
        long[] outside, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var read = 0L;
        var request = new JsonObject { ["ConfigurationAggregatorName"] = aggregator.Name };
        var error = await Pager.AllPagesAsync(client, AwsConfigOperation.DescribeAggregateComplianceByConfigRules, aggregator.Region, $"aws aggregator {aggregator.Name}", request, _ => { }, page =>
        {
            if (++read > budget)
            {
                return new AwsConfigError("AggregatorLargerThanBoundary", $"the aggregator's listing passed {budget} pages", AwsErrorKind.Malformed);
            }

            var touched = new List<SourceSummary>();
            foreach (var row in page.Items)
            {
                if (RuleDirectory.SummaryRow(row) is not { } rule)
                {
                    return RuleDirectory.Malformed(page.Operation, "a rule without ConfigRuleName");
                }

                var region = Core.Collection.JsonStrings.Property(row, "AwsRegion");
                if (rule.Account is { } account && region is not null && table.TryGetValue((account, region), out var summary))
                {
                    summary.Rules.Add(rule);
                    touched.Add(summary);
                }
                else
                {
                    outside[0] += rule.NonCompliant;
                }
            }

            // A page with no row of the boundary is evidence of nothing here, so it is not kept.
            if (touched.Count > 0)
            {
                var file = pages.Save(page);
                var answered = SharedPages.AnsweredAt(page, client.Options.Time.GetUtcNow());
                foreach (var summary in touched)
                {
                    summary.AddPage(file);
                    summary.AnsweredAt = answered;
                }
            }

            progress.Page(Pager.Service, 0);
            return null;
        }, progress, cancellationToken).ConfigureAwait(false);
        return error is null;
    }
}

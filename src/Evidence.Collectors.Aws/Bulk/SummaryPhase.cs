using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// Reads every rule's compliance in every account and region of the boundary with
/// DescribeAggregateComplianceByConfigRules (1,000 rows a page), region by region, by whichever needs fewer
/// calls: one listing of the region's accounts together (<see cref="RegionListing"/>, Filters AwsRegion), or
/// one listing per account and region (Filters AccountId and AwsRegion, as discovery always did). The regions
/// go at once within the concurrency and the rate limit: one listing of the whole aggregator was one chain of
/// round trips (227 of them at 100 accounts × 17 regions) that the rate limit could not fill. A region whose
/// listing fails, or runs past its budget (an aggregator far larger than the boundary there), is read source by
/// source instead.
/// </summary>
internal static class SummaryPhase
{
    public const int PageSize = 1000;

    /// <summary>Calls for one listing per source holding <paramref name="rules"/> rules each.</summary>
    public static long PerSourceCalls(IEnumerable<int> rules) => rules.Sum(n => Pages(n));

    /// <summary>Calls the summary takes for sources holding so many rules each: per region, listed whole or source by source.</summary>
    public static long Calls(IReadOnlyDictionary<(string Account, string Region), int> sources) => RegionListing.Of(sources).Sum(r => r.Calls);

    public static long Pages(long rows) => Math.Max(1, (rows + PageSize - 1) / PageSize);

    /// <summary>
    /// Each source's summary, and the non-compliant (rule, resource) pairs the region listings counted outside the
    /// boundary (accounts outside it, in the boundary's regions), which an organisation-wide query would also return.
    /// </summary>
    public static async Task<(Dictionary<(string Account, string Region), SourceSummary> Table, long NonCompliantOutside)> ReadAsync(
        AwsConfigClient client, RuleDirectory directory, AggregatorTarget aggregator, IReadOnlyDictionary<(string Account, string Region), int> sources,
        SharedPages pages, ICollectionProgress progress, int concurrency, CancellationToken cancellationToken)
    {
        var table = sources.Keys.ToDictionary(k => k, _ => new SourceSummary());
        var outside = new StrongBox<long>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        var regions = RegionListing.Of(sources).ToList();
        var sourceBySource = new ConcurrentQueue<(string Account, string Region)>(regions.Where(r => !r.Listed).SelectMany(r => r.Sources));
        await Parallel.ForEachAsync(regions.Where(r => r.Listed), options, async (region, token) =>
        {
            if (!await region.ReadAsync(client, aggregator, table, pages, outside, progress, token).ConfigureAwait(false))
            {
                // Pages already saved stay listed by the sources they hold rows of; only the rules are read again.
                foreach (var source in region.Sources)
                {
                    table[source].Rules.Clear();
                    sourceBySource.Enqueue(source);
                }
            }
        }).ConfigureAwait(false);

        await Parallel.ForEachAsync(sourceBySource, options, async (source, token) =>
        {
            var summary = table[source];
            var lookup = await directory.SummaryAsync(aggregator, source.Account, source.Region, progress, token).ConfigureAwait(false);
            foreach (var page in lookup.Pages.Where(p => p.Body.Length > 0 || p.StatusCode != 0))
            {
                summary.AddPage(pages.Save(page));
                summary.AnsweredAt = SharedPages.AnsweredAt(page, client.Options.Time.GetUtcNow());
            }

            summary.Rules.AddRange(lookup.Rules);
            summary.Error = lookup.Error;
        }).ConfigureAwait(false);
        return (table, outside.Value);
    }
}

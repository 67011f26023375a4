using System.Runtime.CompilerServices;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Collection;
using Evidence.Core.Store;

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
    /// Region listings going at once: enough to keep the rate limit busy at round trips of up to <see cref="SlowRoundTrip"/>,
    /// and no more, so that regions finish one after another and their items are built and written while the others are
    /// still listed, rather than all at the end.
    /// </summary>
    public static int Chains(double rate, int concurrency) => Math.Clamp((int)Math.Ceiling(rate * SlowRoundTrip.TotalSeconds), 2, concurrency);

    private static readonly TimeSpan SlowRoundTrip = TimeSpan.FromSeconds(0.8);

    /// <summary>
    /// Fills each source's summary in <paramref name="table"/>, calling <paramref name="regionRead"/> as each region's sources
    /// are all read (from another thread; the region's summaries are not touched again). Returns the non-compliant (rule,
    /// resource) pairs the region listings counted outside the boundary (accounts outside it, in the boundary's regions),
    /// which an organisation-wide query would also return.
    /// </summary>
    public static async Task<long> ReadAsync(
        AwsConfigClient client, RuleDirectory directory, AggregatorTarget aggregator, IReadOnlyDictionary<(string Account, string Region), int> sources,
        IReadOnlyDictionary<(string, string), SourceSummary> table, EvidenceRunWriter writer, ICollectionProgress progress, int concurrency,
        Action<string> regionRead, CancellationToken cancellationToken)
    {
        var outside = new StrongBox<long>();
        var chains = new ParallelOptions { MaxDegreeOfParallelism = Chains(client.Options.Rate.MaxRate, concurrency), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(RegionListing.Of(sources), chains, async (region, token) =>
        {
            // Pages are named by region (and source), so that a run's files do not depend on which listing answered first.
            if (!region.Listed || !await region.ReadAsync(client, aggregator, table, new SharedPages(writer, $"aws-summary-{region.Region}"), outside, progress, token).ConfigureAwait(false))
            {
                // Pages already saved stay listed by the sources they hold rows of; only the rules are read again.
                var each = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = token };
                await Parallel.ForEachAsync(region.Sources, each, async (source, inner) =>
                {
                    var summary = table[source];
                    summary.Rules.Clear();
                    await ReadSourceAsync(client, directory, aggregator, source, summary, new SharedPages(writer, $"aws-summary-{source.Account}-{source.Region}"), progress, inner).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }

            regionRead(region.Region);
        }).ConfigureAwait(false);
        return outside.Value;
    }

    /// <summary>One account and region's summary in a listing of its own.</summary>
    private static async Task ReadSourceAsync(
        AwsConfigClient client, RuleDirectory directory, AggregatorTarget aggregator, (string Account, string Region) source, SourceSummary summary,
        SharedPages pages, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var lookup = await directory.SummaryAsync(aggregator, source.Account, source.Region, progress, cancellationToken).ConfigureAwait(false);
        foreach (var page in lookup.Pages.Where(p => p.Body.Length > 0 || p.StatusCode != 0))
        {
            summary.AddPage(pages.Save(page));
            summary.AnsweredAt = SharedPages.AnsweredAt(page, client.Options.Time.GetUtcNow());
        }

        summary.Rules.AddRange(lookup.Rules);
        summary.Error = lookup.Error;
    }
}

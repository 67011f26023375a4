using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// Every account's rules in one region of the boundary: DescribeAggregateComplianceByConfigRules filtered by
/// AwsRegion alone, rows of accounts outside the boundary dropped. One region's listing is one NextToken chain;
/// the regions' chains go at once, so the summary is bounded by the rate limit rather than by one chain's
/// round trips. The listing assumes the region holds about the boundary's rows there, so it is abandoned past
/// <see cref="Budget"/> pages (an aggregator far larger than the boundary).
/// </summary>
/// <param name="Region">The region listed.</param>
/// <param name="Sources">The boundary's accounts in the region, as (account, region).</param>
/// <param name="Pages">The pages the boundary's rows fill.</param>
/// <param name="PerSourceCalls">What the same rows cost read one listing per source instead.</param>
internal sealed record RegionListing(string Region, IReadOnlyList<(string Account, string Region)> Sources, long Pages, long PerSourceCalls)
{
    /// <summary>The region is listed whole only when that takes fewer calls than its sources one by one.</summary>
    public bool Listed => Pages < PerSourceCalls;

    /// <summary>The calls the region's summary is expected to take, listed or source by source.</summary>
    public long Calls => Math.Min(Pages, PerSourceCalls);

    /// <summary>Pages read before the listing is given up for the per-source listings: twice those expected, and one.</summary>
    public long Budget => (2 * Pages) + 1;

    /// <summary>The boundary's sources grouped by region, regions in ordinal order.</summary>
    public static IEnumerable<RegionListing> Of(IReadOnlyDictionary<(string Account, string Region), int> sources) =>
        sources.GroupBy(s => s.Key.Region, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RegionListing(
            g.Key, [.. g.Select(s => s.Key)], SummaryPhase.Pages(g.Sum(s => (long)s.Value)), SummaryPhase.PerSourceCalls(g.Select(s => s.Value))));

    /// <summary>
    /// Reads the region into <paramref name="table"/>, adding the non-compliant count of rows outside the boundary to
    /// <paramref name="outside"/>; false when the listing failed or ran past <see cref="Budget"/> pages.
    /// </summary>
    public async Task<bool> ReadAsync(
        AwsConfigClient client, AggregatorTarget aggregator, IReadOnlyDictionary<(string, string), SourceSummary> table, SharedPages pages,
        StrongBox<long> outside, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var read = 0L;
        var request = new JsonObject { ["ConfigurationAggregatorName"] = aggregator.Name, ["Filters"] = new JsonObject { ["AwsRegion"] = Region } };
        var error = await Pager.AllPagesAsync(client, AwsConfigOperation.DescribeAggregateComplianceByConfigRules, aggregator.Region, $"aws aggregator {aggregator.Name} region {Region}", request, _ => { }, page =>
        {
            if (++read > Budget)
            {
                return new AwsConfigError("AggregatorLargerThanBoundary", $"the aggregator's listing of {Region} passed {Budget} pages", AwsErrorKind.Malformed);
            }

            var touched = new List<SourceSummary>();
            var elsewhere = 0L;
            foreach (var row in page.Items)
            {
                if (RuleDirectory.SummaryRow(row) is not { } rule)
                {
                    return RuleDirectory.Malformed(page.Operation, "a rule without ConfigRuleName");
                }

                // Only this region's sources: another listing fills the others' summaries at the same time.
                var region = Core.Collection.JsonStrings.Property(row, "AwsRegion");
                if (rule.Account is { } account && region == Region && table.TryGetValue((account, region), out var summary))
                {
                    summary.Rules.Add(rule);
                    touched.Add(summary);
                }
                else
                {
                    elsewhere += rule.NonCompliant;
                }
            }

            Interlocked.Add(ref outside.Value, elsewhere);

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

using System.Globalization;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>Judges cloud queries: one finding per query and source in the boundary.</summary>
internal static class CloudEvidenceJudge
{
    /// <summary>The sources a query must have evidence from.</summary>
    public static IEnumerable<EvidenceSource> SourcesOf(EvidenceQuery query, Boundary boundary)
    {
        switch (query)
        {
            case AwsConfigAdvancedQuery q when (q.Aggregator is not null || boundary.Aws?.Aggregator is not null) && q.Accounts.Count == 0:
                var aggregator = boundary.Aws?.Aggregator;
                return aggregator is null ? [] : [EvidenceSource.Aws(aggregator.Account, aggregator.Region)];
            case AwsConfigRuleQuery q:
                return AwsSources(boundary, q.Accounts, q.Regions);
            case AwsConfigAdvancedQuery q:
                return AwsSources(boundary, q.Accounts, q.Regions);
            case AzurePolicyQuery q:
                return AzureSources(boundary, q.Scopes);
            default:
                return [];
        }
    }

    public static IEnumerable<Finding> Judge(EvidenceQuery query, Boundary boundary, EvidenceIndex index, TimeSpan maxAge, DateTimeOffset asOf)
    {
        foreach (var source in SourcesOf(query, boundary))
        {
            var item = index.Latest(query.Key, source);
            yield return Judge(query, source, item, query.MaxAge ?? maxAge, asOf);
        }
    }

    private static Finding Judge(EvidenceQuery query, EvidenceSource source, EvidenceItem? item, TimeSpan maxAge, DateTimeOffset asOf)
    {
        var what = $"{query.Describe()} in {source}";
        if (item is null)
        {
            return new Finding(FindingKind.NotCollected, Outcome.Fail, $"{what}: never collected") { Subject = query.Key, Source = source };
        }

        if (item.Status == ItemStatus.Failed)
        {
            var reason = item.Error is { } e ? $"{e.Code}: {e.Message}" : "no reason recorded";
            return new Finding(FindingKind.NotCollected, Outcome.Fail, $"{what}: could not be collected on {Stamp(item.CollectedAt)} ({reason})")
            {
                Subject = query.Key, Source = source, Item = item,
            };
        }

        var expires = item.AsOf + maxAge;
        if (expires < asOf)
        {
            return new Finding(FindingKind.Stale, Outcome.Fail, $"{what}: stale since {Stamp(expires)} (evidence from {Stamp(item.AsOf)}, maximum age {Days(maxAge)})")
            {
                Subject = query.Key, Source = source, Item = item, Since = expires,
            };
        }

        var counts = item.Counts;
        if (counts.NonCompliant > 0)
        {
            return new Finding(FindingKind.NonCompliant, Outcome.Fail, $"{what}: {counts.NonCompliant} of {counts.Total} resources non-compliant")
            {
                Subject = query.Key, Source = source, Item = item,
            };
        }

        var detail = counts.Total == 0 ? "no resources in scope" : $"{counts.Compliant} compliant" +
            (counts.InsufficientData > 0 ? $", {counts.InsufficientData} with insufficient data" : string.Empty) +
            (counts.NotApplicable > 0 ? $", {counts.NotApplicable} not applicable" : string.Empty);
        return new Finding(FindingKind.Compliant, Outcome.Pass, $"{what}: {detail}") { Subject = query.Key, Source = source, Item = item };
    }

    private static IEnumerable<EvidenceSource> AwsSources(Boundary boundary, IReadOnlyList<string> accounts, IReadOnlyList<string> regions) =>
        (boundary.Aws?.Accounts ?? [])
            .Where(a => accounts.Count == 0 || accounts.Contains(a.Id))
            .SelectMany(a => a.Regions.Where(r => regions.Count == 0 || regions.Contains(r)).Select(r => EvidenceSource.Aws(a.Id, r)));

    private static IEnumerable<EvidenceSource> AzureSources(Boundary boundary, IReadOnlyList<string> scopes)
    {
        if (scopes.Count > 0)
        {
            return scopes.Select(s => Guid.TryParse(s, out _) ? EvidenceSource.Azure(s.ToLowerInvariant()) : EvidenceSource.AzureManagementGroup(s));
        }

        var azure = boundary.Azure;
        if (azure is null)
        {
            return [];
        }

        return azure.Subscriptions.Count > 0
            ? azure.Subscriptions.Select(s => EvidenceSource.Azure(s.Id))
            : azure.ManagementGroups.Select(EvidenceSource.AzureManagementGroup);
    }

    public static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Days(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d" : $"{span.TotalHours:0}h";
}

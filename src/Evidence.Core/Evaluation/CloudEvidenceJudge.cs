using System.Globalization;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>Judges cloud queries: one finding per query and source in the boundary.</summary>
internal static class CloudEvidenceJudge
{
    public static IEnumerable<Finding> Judge(EvidenceQuery query, Boundary boundary, EvidenceIndex index, TimeSpan maxAge, DateTimeOffset asOf)
    {
        foreach (var source in EvidenceSources.For(query, boundary))
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

    public static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Days(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d" : $"{span.TotalHours:0}h";
}

using System.Globalization;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>Judges cloud queries: one reason per query and source in the boundary.</summary>
internal static class CloudEvidenceJudge
{
    public static IEnumerable<Reason> Judge(EvidenceQuery query, Boundary boundary, EvidenceIndex index, TimeSpan maxAge, DateTimeOffset asOf)
    {
        foreach (var source in EvidenceSources.For(query, boundary))
        {
            var item = index.Latest(query.Key, source);
            yield return Judge(query, source, item, query.MaxAge ?? maxAge, asOf) with { Role = query.Role ?? EvidenceRole.Primary };
        }
    }

    private static Reason Judge(EvidenceQuery query, EvidenceSource source, EvidenceItem? item, TimeSpan maxAge, DateTimeOffset asOf)
    {
        var what = $"{query.Describe()} in {source}";
        if (item is null)
        {
            return new Reason(ReasonKind.NotCollected, Outcome.Fail, $"{what}: never collected") { Subject = query.Key, Source = source };
        }

        if (item.Status == ItemStatus.Failed)
        {
            // A cloud's error text can quote what it was sent or found (keys, names); reasons reach terminals, CI
            // reports and web pages, so it is masked here, once, for all of them.
            var reason = item.Error is { } e ? $"{e.Code}: {Scanning.Scanner.Default.Redact(e.Message, out _)}" : "no reason recorded";
            return new Reason(ReasonKind.NotCollected, Outcome.Fail, $"{what}: could not be collected on {Stamp(item.CollectedAt)} ({reason})")
            {
                Subject = query.Key, Source = source, Item = item,
            };
        }

        var expires = item.AsOf + maxAge;
        if (expires < asOf)
        {
            return new Reason(ReasonKind.Stale, Outcome.Fail, $"{what}: stale since {Stamp(expires)} (evidence from {Stamp(item.AsOf)}, maximum age {Days(maxAge)})")
            {
                Subject = query.Key, Source = source, Item = item, Since = expires,
            };
        }

        var counts = item.Counts;
        if (!counts.Counted)
        {
            return Summarized(item, what) with { Subject = query.Key, Source = source, Item = item };
        }

        if (counts.NonCompliant > 0)
        {
            return new Reason(ReasonKind.NonCompliant, Outcome.Fail, $"{what}: {counts.NonCompliant} of {counts.Total} resources non-compliant")
            {
                Subject = query.Key, Source = source, Item = item,
            };
        }

        if (counts.Total == 0)
        {
            return Empty(query, what) with { Subject = query.Key, Source = source, Item = item };
        }

        var detail = $"{counts.Compliant} compliant" +
            (counts.InsufficientData > 0 ? $", {counts.InsufficientData} with insufficient data" : string.Empty) +
            (counts.NotApplicable > 0 ? $", {counts.NotApplicable} not applicable" : string.Empty);
        return new Reason(ReasonKind.Compliant, Outcome.Pass, $"{what}: {detail}") { Subject = query.Key, Source = source, Item = item };
    }

    /// <summary>
    /// A summary says only what the cloud reported for the rule; it never claims a count of compliant
    /// resources it did not see.
    /// </summary>
    private static Reason Summarized(EvidenceItem item, string what)
    {
        var service = Clouds.CloudRegistry.Of(item.Source)?.ComplianceService ?? item.Source.Cloud;
        return item.Counts.NonCompliant > 0
            ? new Reason(ReasonKind.NonCompliant, Outcome.Fail,
                $"{what}: {item.Counts.NonCompliant} resources non-compliant ({service} reported this rule non-compliant at {Stamp(item.AsOf)}; compliant resources were not counted)")
            : new Reason(ReasonKind.Compliant, Outcome.Pass, $"{what}: {service} reported this rule compliant at {Stamp(item.AsOf)}");
    }

    /// <summary>
    /// An answer with no resources proves nothing: neutral, unless the query must find resources. An
    /// advanced query whose rows are violations passes when it finds none.
    /// </summary>
    private static Reason Empty(EvidenceQuery query, string what) => query switch
    {
        IRowQuery { FailWhen: RowAssertion.AnyRow } =>
            new Reason(ReasonKind.Compliant, Outcome.Pass, $"{what}: no rows match, so nothing violates it"),
        IRowQuery { FailWhen: RowAssertion.NoRows } =>
            new Reason(ReasonKind.NoResources, Outcome.Fail, $"{what}: no rows match, but this query must find what it looks for"),
        { ExpectResources: true } =>
            new Reason(ReasonKind.NoResources, Outcome.Fail, $"{what}: evaluated no resources, but every source in scope must have some (expect_resources)"),
        _ => new Reason(ReasonKind.NoResources, Outcome.Neutral, $"{what}: no resources in scope, so it proves nothing either way"),
    };

    public static string Stamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Days(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d" : $"{span.TotalHours:0}h";
}

using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>The items the summary plan records: counts from a summary, rows for the non-compliant states only.</summary>
internal static class SummaryItems
{
    /// <summary>
    /// A collected summary item: <paramref name="counts"/> as the summary gave them (Azure's summarize counts every
    /// state, so they stay counted) and <paramref name="rows"/>, the non-compliant states, in a results file only
    /// when there are some. Only those rows say when they were evaluated; the summary does not, so with no
    /// rows the evidence is dated by the summary's answer.
    /// </summary>
    public static EvidenceItem Build(EvidenceRunWriter writer, CollectionTask task, IReadOnlyList<StoredFile> raw, IReadOnlyList<ResultRow> rows, ComplianceCounts counts, DateTimeOffset collectedAt)
    {
        var own = rows.Select(r => r.Subscription is null ? r with { Subscription = task.Source.Subscription } : r).ToList();
        var file = own.Count == 0 ? null : writer.WriteResults(task.ItemId, own).File;
        var evaluated = own.Select(r => r.EvaluatedAt).OfType<DateTimeOffset>().ToList();
        return task.ItemIn(writer.RunId, ItemStatus.Collected, collectedAt) with
        {
            EvaluatedAt = evaluated.Count == 0 ? null : evaluated.Min(),
            Raw = raw, Results = file, Rows = own.Count, Counts = counts, Method = EvidenceMethod.Summary,
        };
    }

    public static EvidenceItem Failed(EvidenceRunWriter writer, CollectionTask task, IReadOnlyList<StoredFile> raw, string code, string message, DateTimeOffset collectedAt) =>
        task.ItemIn(writer.RunId, ItemStatus.Failed, collectedAt) with { Raw = raw, Error = new ItemError(code, message), Method = EvidenceMethod.Summary };
}

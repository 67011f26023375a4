using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>What the collector got for one item: the response pages as received and the rows parsed from them.</summary>
internal sealed record GeneratedItem(IReadOnlyList<byte[]> Pages, IReadOnlyList<ResultRow> Rows, DateTimeOffset? EvaluatedAt)
{
    public ItemError? Error { get; init; }

    /// <summary>A collected item; the evidence is as old as its oldest evaluation.</summary>
    public static GeneratedItem Of(IReadOnlyList<byte[]> pages, IReadOnlyList<ResultRow> rows)
    {
        var evaluated = rows.Select(r => r.EvaluatedAt).OfType<DateTimeOffset>().ToList();
        return new GeneratedItem(pages, rows, evaluated.Count == 0 ? null : evaluated.Min());
    }

    /// <summary>
    /// Dates rows the cloud did not date (an inventory query describes the configuration as of the
    /// moment it was asked) with the collection instant.
    /// </summary>
    public GeneratedItem DatedAt(DateTimeOffset collectedAt) =>
        Error is not null || Rows.All(r => r.EvaluatedAt is not null)
            ? this
            : Of(Pages, Rows.Select(r => r with { EvaluatedAt = r.EvaluatedAt ?? collectedAt }).ToList());

    public static GeneratedItem Failed(byte[] errorBody, ItemError error) => new([errorBody], [], null) { Error = error };
}

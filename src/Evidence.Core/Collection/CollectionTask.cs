using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>One query to answer from one source; becomes exactly one evidence item with <see cref="ItemId"/>.</summary>
public sealed record CollectionTask(string ItemId, EvidenceQuery Query, EvidenceSource Source)
{
    /// <summary>The workspace's boundary, for what a cloud's collector reads from it (an aggregator, a sovereign cloud).</summary>
    public Workspaces.Boundary? Boundary { get; init; }

    /// <summary>This task's item in run <paramref name="runId"/>: what every item records, before its raw files, rows or error.</summary>
    public EvidenceItem ItemIn(string runId, ItemStatus status, DateTimeOffset collectedAt) => new()
    {
        Id = ItemId, RunId = runId, QueryKey = Query.Key, Source = Source, Status = status, CollectedAt = collectedAt,
        Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
    };
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>One query to answer from one source; becomes exactly one evidence item with <see cref="ItemId"/>.</summary>
public sealed record CollectionTask(string ItemId, EvidenceQuery Query, EvidenceSource Source)
{
    /// <summary>The boundary's AWS Config aggregator to collect through, when the workspace names one.</summary>
    public Workspaces.AwsAggregator? Aggregator { get; init; }

    /// <summary>The Resource Manager cloud or URL for Azure tasks.</summary>
    public string? AzureCloud { get; init; }

    /// <summary>This task's item in run <paramref name="runId"/>: what every item records, before its raw files, rows or error.</summary>
    public EvidenceItem ItemIn(string runId, ItemStatus status, DateTimeOffset collectedAt) => new()
    {
        Id = ItemId, RunId = runId, QueryKey = Query.Key, Source = Source, Status = status, CollectedAt = collectedAt,
        Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
    };
}

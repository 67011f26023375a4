using Evidence.Core.Diagnostics;

namespace Evidence.Core.Store;

/// <summary>The answer to one query from one source, as recorded in a run's manifest.</summary>
public sealed record EvidenceItem
{
    public required string Id { get; init; }

    public required string RunId { get; init; }

    public required string QueryKey { get; init; }

    public required EvidenceSource Source { get; init; }

    public required ItemStatus Status { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    /// <summary>When the cloud last evaluated the resources, if it says.</summary>
    public DateTimeOffset? EvaluatedAt { get; init; }

    public ItemError? Error { get; init; }

    public IReadOnlyList<StoredFile> Raw { get; init; } = [];

    public StoredFile? Results { get; init; }

    public int Rows { get; init; }

    public ComplianceCounts Counts { get; init; } = ComplianceCounts.None;

    public required SourceLocation Location { get; init; }

    /// <summary>The instant the evidence describes: the cloud's evaluation if known, else collection.</summary>
    public DateTimeOffset AsOf => EvaluatedAt is { } evaluated && evaluated < CollectedAt ? evaluated : CollectedAt;
}

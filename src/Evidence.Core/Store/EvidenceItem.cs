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

    /// <summary>The pages the item was read from. A page of a bulk or summary call answers many items and is listed, once stored, by each of them.</summary>
    public IReadOnlyList<StoredFile> Raw { get; init; } = [];

    public StoredFile? Results { get; init; }

    public int Rows { get; init; }

    public ComplianceCounts Counts { get; init; } = ComplianceCounts.None;

    /// <summary>
    /// How the evidence was obtained. A <see cref="EvidenceMethod.Summary"/> item may have no
    /// <see cref="Results"/> (no non-compliant rows) and does not count compliant resources.
    /// </summary>
    public EvidenceMethod Method { get; init; } = EvidenceMethod.Detail;

    public required SourceLocation Location { get; init; }

    /// <summary>The instant the evidence describes: the cloud's evaluation if known, else collection.</summary>
    public DateTimeOffset AsOf => EvaluatedAt is { } evaluated && evaluated < CollectedAt ? evaluated : CollectedAt;
}

using Evidence.Core.Diagnostics;

namespace Evidence.Core.Store;

/// <summary>One collection run: a folder under <c>evidence/runs/</c>, written once.</summary>
public sealed record EvidenceRun
{
    public required string RunId { get; init; }

    /// <summary>The run folder on disk.</summary>
    public required string Directory { get; init; }

    public required string ManifestPath { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public required RunState State { get; init; }

    public string? Tool { get; init; }

    public string? SystemId { get; init; }

    public IReadOnlyList<EvidenceItem> Items { get; init; } = [];

    public required SourceLocation Location { get; init; }
}

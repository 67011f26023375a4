using Evidence.Core.Findings;

namespace Evidence.Core.Changes;

/// <summary>Everything that changed between two points of a workspace's history.</summary>
public sealed record ChangeSet(DiffPoint From, DiffPoint To)
{
    /// <summary>Findings first seen after <see cref="From"/>.</summary>
    public IReadOnlyList<Finding> Opened { get; init; } = [];

    /// <summary>Findings a run after <see cref="From"/> no longer saw.</summary>
    public IReadOnlyList<Finding> Resolved { get; init; } = [];

    /// <summary>Findings that came back after <see cref="From"/>, having been resolved.</summary>
    public IReadOnlyList<Finding> Reopened { get; init; } = [];

    public IReadOnlyList<StatusChange> StatusChanges { get; init; } = [];

    public IReadOnlyList<EvidenceChange> WentStale { get; init; } = [];

    public IReadOnlyList<AttestationChange> Attestations { get; init; } = [];

    public IReadOnlyList<EvidenceChange> NewlyNotCollected { get; init; } = [];

    public bool IsEmpty =>
        Opened.Count + Resolved.Count + Reopened.Count + StatusChanges.Count + WentStale.Count + Attestations.Count + NewlyNotCollected.Count == 0;
}

namespace Evidence.Rendering.Model;

/// <summary>
/// "Changes since the last period" in the binder: what changed between the end of the previous period
/// (of the workspace's attestation cadence) and the as-of instant. Null when no run predates that end.
/// </summary>
public sealed record ChangesModel
{
    /// <summary>The previous period, such as <c>2026-Q3</c>.</summary>
    public required string Period { get; init; }

    /// <summary>The instant compared with (the previous period's last second), for people.</summary>
    public required string FromText { get; init; }

    public IReadOnlyList<FindingModel> Opened { get; init; } = [];

    public IReadOnlyList<FindingModel> Resolved { get; init; } = [];

    public IReadOnlyList<FindingModel> Reopened { get; init; } = [];

    public IReadOnlyList<StatusChangeModel> StatusChanges { get; init; } = [];

    public IReadOnlyList<EvidenceChangeModel> WentStale { get; init; } = [];

    public IReadOnlyList<AttestationChangeModel> Attestations { get; init; } = [];

    public IReadOnlyList<EvidenceChangeModel> NotCollected { get; init; } = [];

    public bool IsEmpty { get; init; }
}

/// <summary>A control whose status changed: <c>control</c> (id, title, anchor), <c>from_text</c>, <c>to_text</c> and <c>why</c>.</summary>
public sealed record StatusChangeModel(ControlRefModel Control, string FromText, string ToText, IReadOnlyList<string> Why);

/// <summary>Evidence that went stale or newly failed to collect: <c>message</c> and the <c>controls</c> that use it.</summary>
public sealed record EvidenceChangeModel(string Message, IReadOnlyList<ControlRefModel> Controls);

/// <summary>An attestation added or superseded, or now overdue: <c>change_text</c>, <c>control</c> and <c>message</c>.</summary>
public sealed record AttestationChangeModel(string ChangeText, ControlRefModel Control, string Message);

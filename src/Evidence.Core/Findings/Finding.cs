using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Core.Findings;

/// <summary>
/// One failing resource (or failing query row) under one rule, policy or query from one source: an
/// entry of the findings register. It lists every control it affects, when it was first and last seen
/// across the run history, and what the team decided about it.
/// </summary>
public sealed record Finding
{
    /// <summary>The stable key (see <see cref="FindingKey"/>).</summary>
    public required string Key { get; init; }

    /// <summary>A short id for people and links, such as <c>F-3A9C01D2</c>.</summary>
    public string Id => FindingKey.ShortId(Key);

    /// <summary>The rule, policy or query that found the resource failing.</summary>
    public required EvidenceQuery Query { get; init; }

    /// <summary>The account and region, subscription or management group the answer came from.</summary>
    public required EvidenceSource Source { get; init; }

    public required string ResourceType { get; init; }

    /// <summary>The resource id as the cloud last reported it.</summary>
    public required string ResourceId { get; init; }

    /// <summary>What the cloud said about the resource in the latest run that saw it.</summary>
    public string? Annotation { get; init; }

    /// <summary>Every control whose evidence includes this rule and source, in citation order.</summary>
    public required IReadOnlyList<string> Citations { get; init; }

    /// <summary>findings.yaml's severity for it, else the rule's or policy's, else medium.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The person or role id who owns the finding: assigned in findings.yaml, else the first control's owner.</summary>
    public required string Owner { get; init; }

    /// <summary>When the first answer that had it was collected.</summary>
    public required DateTimeOffset FirstSeen { get; init; }

    /// <summary>When the latest answer that had it was collected.</summary>
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Every span over which it was failing, oldest first; the last is open-ended while it still fails.</summary>
    public required IReadOnlyList<FailingSpan> Failing { get; init; }

    /// <summary>When a later run no longer saw it.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>When it failed again after having been resolved.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    /// <summary>The target date: the plan's, else the severity's deadline counted from first seen (or reopened).</summary>
    public required DateTimeOffset Due { get; init; }

    /// <summary>Where it stands as of the register's instant.</summary>
    public required FindingState State { get; init; }

    /// <summary>From first seen to resolution, or to the as-of instant while it is open.</summary>
    public required TimeSpan Age { get; init; }

    /// <summary>The findings.yaml entry that covers it, if any.</summary>
    public FindingRecord? Record { get; init; }

    /// <summary>The run and item of the latest evidence that saw it.</summary>
    public required ItemReference LastItem { get; init; }

    /// <summary>The last day on which the finding is not yet overdue (a plan's target date is that day).</summary>
    public DateOnly DueDate => DateOnly.FromDateTime((Due - TimeSpan.FromTicks(1)).UtcDateTime);

    /// <summary>Whole days of <see cref="Age"/>.</summary>
    public int AgeDays => (int)Math.Floor(Age.TotalDays);

    /// <summary>The resource as people name it: the last segment of an Azure resource id, else the id.</summary>
    public string ResourceName => Clouds.CloudRegistry.Of(Source)?.ResourceName(ResourceId) ?? ResourceId;

    /// <summary>The rule, policy or query as people name it: a policy's display name, a rule's identifier, a query's title.</summary>
    public string RuleName => Query.ShortName;

    /// <summary>The remediation plan's ticket, if one is recorded.</summary>
    public string? Ticket => Record?.Remediation?.Ticket;

    /// <summary>
    /// A failing resource is the same root cause under every rule that flags it, whether the answer came from
    /// its own account and region or through the organization's aggregator: where the resource lives, and its id.
    /// </summary>
    public required string RootCause { get; init; }

    /// <summary>Still failing and not covered by a current risk acceptance or a false positive.</summary>
    public bool IsOpen => State is FindingState.Overdue or FindingState.AcceptanceExpired or FindingState.Reopened or FindingState.Open;

    /// <summary>True when it was failing at <paramref name="instant"/>: seen by then, and not resolved then.</summary>
    public bool FailingAt(DateTimeOffset instant) => Failing.Any(s => s.Covers(instant));

    /// <summary>
    /// Open at <paramref name="instant"/>, as <see cref="IsOpen"/> judges the register's own instant: failing then,
    /// and neither under a risk acceptance in force then nor recorded as a false positive by then.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset instant) => FailingAt(instant) && !IsExcusedAt(instant);

    /// <summary>Under a risk acceptance in force at <paramref name="instant"/>, or recorded as a false positive by then.</summary>
    internal bool IsExcusedAt(DateTimeOffset instant) => Record?.DecisionAt(instant) is FindingState.Accepted or FindingState.FalsePositive;
}

namespace Evidence.Rendering.Model;

/// <summary>One entry of the findings register (plan of action and milestones), as the documents show it.</summary>
public sealed record FindingModel
{
    /// <summary>The short id, such as <c>F-3A9C01D2</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The stable key that findings.yaml uses.</summary>
    public required string Key { get; init; }

    /// <summary><c>overdue</c>, <c>acceptance-expired</c>, <c>reopened</c>, <c>open</c>, <c>accepted</c>, <c>false-positive</c> or <c>resolved</c>.</summary>
    public required string State { get; init; }

    public required string StateText { get; init; }

    public required bool IsOpen { get; init; }

    /// <summary><c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    public required string Severity { get; init; }

    public required string SeverityText { get; init; }

    /// <summary>The resource as people name it (an Azure id's last segment).</summary>
    public required string Resource { get; init; }

    public required string ResourceId { get; init; }

    public required string ResourceType { get; init; }

    /// <summary>The rule identifier, policy display name or query title.</summary>
    public required string Rule { get; init; }

    public required string Query { get; init; }

    public required string Source { get; init; }

    /// <summary>What the cloud said about the resource, redacted.</summary>
    public string? Annotation { get; init; }

    public IReadOnlyList<ControlRefModel> Controls { get; init; } = [];

    /// <summary>The owner's name (or the role and the people in it).</summary>
    public required string Owner { get; init; }

    public required string FirstSeen { get; init; }

    public required string LastSeen { get; init; }

    public string? ResolvedAt { get; init; }

    public string? ReopenedAt { get; init; }

    public required int AgeDays { get; init; }

    public required string Due { get; init; }

    public string? Ticket { get; init; }

    /// <summary>The plan, acceptance or false positive in one sentence; null when nothing is recorded.</summary>
    public string? Decision { get; init; }

    public IReadOnlyList<MilestoneModel> Milestones { get; init; } = [];
}

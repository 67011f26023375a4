namespace Evidence.Rendering.Model;

/// <summary>
/// At organisation scale, every source where one rule or policy failed in the same way, shown together:
/// one heading and one table of failing resources (with their account and region) instead of one block per source.
/// </summary>
public sealed record FailureGroupModel
{
    public required string Query { get; init; }

    public required string QueryText { get; init; }

    /// <summary><c>non-compliant</c>, <c>no-resources-expected</c>, <c>not-collected</c> or <c>stale</c>.</summary>
    public required string State { get; init; }

    public required string StateText { get; init; }

    /// <summary>How the evidence was obtained, in a phrase for people.</summary>
    public required string MethodText { get; init; }

    /// <summary>Each source's result, in source order.</summary>
    public required IReadOnlyList<EvidenceItemModel> Items { get; init; }

    public int Accounts { get; init; }

    public long NonCompliantResources { get; init; }

    /// <summary>The earliest and latest evaluation time the cloud reported for these sources; null when none did.</summary>
    public string? EvaluatedFrom { get; init; }

    public string? EvaluatedTo { get; init; }

    /// <summary>The failing resources' tables: one per run, listing only the items whose rows are shown under this control.</summary>
    public IReadOnlyList<FailingRowSetModel> RowSets { get; init; } = [];

    /// <summary>Where the failing resources are listed when another control shows them; null when they are shown here (or there are none).</summary>
    public ControlRefModel? ShownIn { get; init; }

    /// <summary>
    /// For a group that is not non-compliant and holds more sources than are listed one by one: a line per kind of
    /// account (the accounts alike named together) instead of a line per source; empty otherwise.
    /// </summary>
    public IReadOnlyList<FailureAccountModel> AccountRows { get; init; } = [];

    /// <summary>The anchor of the failing resources' first table.</summary>
    public string? Anchor { get; init; }
}

/// <summary>The failing rows of several items of one run, read from their results files into one table.</summary>
/// <param name="Run">The run id.</param>
/// <param name="Items">The item ids, separated by spaces, as a <c>```rows</c> block takes them.</param>
/// <param name="Columns">The row columns, as the cloud names them.</param>
public sealed record FailingRowSetModel(string Run, string Items, string Columns);

/// <summary>
/// Accounts alike in a group of results that are not current: the same thing happened in each (counted by source)
/// and each was last collected at the same time.
/// </summary>
/// <param name="Accounts">The accounts or subscriptions, for people, in the order of the group's sources.</param>
/// <param name="Sources">Their sources (regions) in the group, together.</param>
/// <param name="CollectedAt">The latest collection in each; null when none was ever collected.</param>
/// <param name="What">What happened in each account, each kind counted ("stale in 17 sources, the earliest since ...").</param>
public sealed record FailureAccountModel(IReadOnlyList<string> Accounts, int Sources, string? CollectedAt, string What);

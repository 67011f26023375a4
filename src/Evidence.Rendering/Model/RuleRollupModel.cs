namespace Evidence.Rendering.Model;

/// <summary>
/// One rule or policy of a control at organisation scale: how many of its sources and accounts passed,
/// failed or could not be judged, instead of a cell per source.
/// </summary>
public sealed record RuleRollupModel
{
    /// <summary><c>aws</c> or <c>azure</c>.</summary>
    public required string Cloud { get; init; }

    public required string QueryText { get; init; }

    /// <summary><c>primary</c> or <c>supporting</c>.</summary>
    public required string Role { get; init; }

    /// <summary>How the evidence was obtained, short: "summary", "detail", "bulk query" (joined when sources differ).</summary>
    public required string Method { get; init; }

    /// <summary>The same in a phrase for people.</summary>
    public required string MethodText { get; init; }

    /// <summary>True when some source's evidence is a compliance summary, whose passing resources were not counted.</summary>
    public bool HasSummary { get; init; }

    public int Sources { get; init; }

    public int Accounts { get; init; }

    /// <summary>Accounts (or subscriptions) where every source passed or had no resources in scope.</summary>
    public int AccountsPassing { get; init; }

    public int Passing { get; init; }

    public int NoResources { get; init; }

    /// <summary>Sources with failing resources, or with none where some are required.</summary>
    public int Failing { get; init; }

    public int NotCollected { get; init; }

    public int Stale { get; init; }

    /// <summary>Resources the cloud counted in every state; null when some source is a summary that did not count its passing ones.</summary>
    public long? Resources { get; init; }

    public long NonCompliantResources { get; init; }

    /// <summary>The oldest instant this rule's evidence describes, for people.</summary>
    public string? Oldest { get; init; }
}

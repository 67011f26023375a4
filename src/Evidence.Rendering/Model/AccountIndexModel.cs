namespace Evidence.Rendering.Model;

/// <summary>
/// One account (or subscription) in the binder's evidence index at organisation scale: how its rules fared,
/// counted per rule across its regions, and every raw response of it that the binder attaches.
/// </summary>
public sealed record AccountIndexModel
{
    /// <summary><c>aws</c> or <c>azure</c>.</summary>
    public required string Cloud { get; init; }

    /// <summary>The account or subscription for people: "AWS 210987654321 (prod-phi)".</summary>
    public required string Account { get; init; }

    public required string Anchor { get; init; }

    /// <summary>How many sources (regions) of this account gave evidence.</summary>
    public int Sources { get; init; }

    /// <summary>How many rules or policies were judged in this account.</summary>
    public int Rules { get; init; }

    /// <summary>Of those, how many passed (or had nothing in scope) in every source.</summary>
    public int RulesPassing { get; init; }

    /// <summary>The rules that did not pass everywhere in this account, with their counts per state.</summary>
    public IReadOnlyList<AccountRuleModel> Exceptions { get; init; } = [];

    /// <summary>This account's raw responses attached to the binder, by attachment name.</summary>
    public IReadOnlyList<FileModel> Files { get; init; } = [];
}

/// <summary>One rule in one account: its sources by state and its failing resources.</summary>
public sealed record AccountRuleModel(
    string QueryText, int Sources, int Passing, int NoResources, int Failing, int NotCollected, int Stale, long NonCompliantResources, string Method);

namespace Evidence.Rendering.Model;

/// <summary>A control's evidence in a few numbers: sources, resources, freshness, documents.</summary>
public sealed record EvidenceSummaryModel
{
    /// <summary>How many cloud queries the control uses.</summary>
    public int Queries { get; init; }

    /// <summary>How many query-and-source pairs were judged (one evidence item each).</summary>
    public int Items { get; init; }

    /// <summary>Where the evidence comes from, such as "AWS 210987654321 (prod-phi) us-east-1", deduplicated.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The sources for people: listed one by one when they are few, counted by account when they are many.</summary>
    public string SourcesText { get; init; } = string.Empty;

    public int CompliantItems { get; init; }

    public int NonCompliantItems { get; init; }

    public int NotCollected { get; init; }

    /// <summary>Answers with no resources in scope: shown, never counted as passes.</summary>
    public int EmptyItems { get; init; }

    public int Stale { get; init; }

    /// <summary>Resources evaluated across all items.</summary>
    public long Resources { get; init; }

    public long CompliantResources { get; init; }

    public long NonCompliantResources { get; init; }

    /// <summary>The oldest instant the control's cloud evidence describes; null without cloud evidence.</summary>
    public string? Oldest { get; init; }

    /// <summary>Freshness for people: "current (evidence from 2026-11-20)", "1 stale, 1 not collected", "no cloud evidence".</summary>
    public required string Freshness { get; init; }

    public int DocumentsCurrent { get; init; }

    public int DocumentsStale { get; init; }

    public int DocumentsMissing { get; init; }
}

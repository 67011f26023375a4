namespace Evidence.Rendering.Model;

/// <summary>
/// A control's cloud evidence from one cloud as a grid: one row per rule or policy, one column per
/// source, so a result that passes everywhere takes one line instead of one table row per source.
/// </summary>
public sealed record EvidenceGridModel
{
    /// <summary><c>aws</c> or <c>azure</c>.</summary>
    public required string Cloud { get; init; }

    /// <summary>The column heads: each source as people read it, in a stable order.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    public required IReadOnlyList<EvidenceGridRowModel> Rows { get; init; }

    /// <summary>
    /// The words every row's query text starts with ("AWS Config rule"), said once in the column head so
    /// each row names only its rule or policy and fits one line; null when the rows share none.
    /// </summary>
    public string? Kind { get; init; }

    /// <summary>Whether some row only supports the control (the caption then says what its mark means).</summary>
    public bool HasSupporting => Rows.Any(r => r.Role == "supporting");
}

/// <summary>One rule or policy of a grid, with a cell per source (null where the query has no result from that source).</summary>
public sealed record EvidenceGridRowModel(string QueryText, string Role, IReadOnlyList<EvidenceItemModel?> Cells)
{
    /// <summary>The query text without the grid's <see cref="EvidenceGridModel.Kind"/>: the rule id or the policy's name.</summary>
    public string Label { get; init; } = QueryText;
}

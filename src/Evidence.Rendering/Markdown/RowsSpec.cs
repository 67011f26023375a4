namespace Evidence.Rendering.Markdown;

/// <summary>
/// A <c>```rows</c> block: the result rows of one evidence item (or of several, one after the other), read
/// from their results files when the document is written, never held in the Markdown or in memory.
/// </summary>
/// <param name="Run">The run id, such as <c>20261120T060000Z</c>.</param>
/// <param name="Item">The item id, such as <c>aws-0434</c>, or several separated by spaces.</param>
/// <param name="Filter"><c>non-compliant</c> (the default), <c>compliant</c> or <c>all</c>.</param>
/// <param name="Columns">Column names: account, region, subscription, resource_type, resource_id, compliance, annotation, evaluated_at.</param>
/// <param name="Caption">A caption for the table, or null.</param>
/// <param name="Line">The 1-based line of the block in the Markdown, for errors.</param>
public sealed record RowsSpec(string Run, string Item, string Filter, IReadOnlyList<string> Columns, string? Caption, int Line)
{
    public static IReadOnlyList<string> Filters { get; } = ["non-compliant", "compliant", "all"];

    public static IReadOnlyList<string> DefaultColumns { get; } = ["account", "region", "resource_type", "resource_id", "annotation"];
}

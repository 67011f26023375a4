namespace Evidence.Rendering.Documents;

/// <summary>
/// A table with one header row that repeats on every page. <see cref="Rows"/> may be a lazy
/// sequence over hundreds of thousands of rows read from disk: writers enumerate it once and must
/// not hold it in memory.
/// </summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IEnumerable<IReadOnlyList<TableCell>> Rows) : Block
{
    public string? Caption { get; init; }

    /// <summary>How many rows there are, when known in advance (lets writers size columns and report progress).</summary>
    public long? RowCount { get; init; }
}

/// <summary>A column: its header text, its alignment, and a width hint relative to the other columns (null: fit content).</summary>
public sealed record TableColumn(string Header)
{
    public ColumnAlignment Alignment { get; init; } = ColumnAlignment.Left;

    public double? RelativeWidth { get; init; }
}

/// <summary>How a column's cells are aligned.</summary>
public enum ColumnAlignment
{
    Left,
    Right,
    Center,
}

/// <summary>A cell: inline content (usually a single run of text).</summary>
public sealed record TableCell(IReadOnlyList<Inline> Content)
{
    public static TableCell Of(string text) => new([new TextRun(text)]);
}

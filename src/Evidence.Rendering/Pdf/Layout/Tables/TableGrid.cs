using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Pdf.Layout.Tables;

/// <summary>Where a table's columns are and how its lines are spaced.</summary>
internal sealed class TableGrid
{
    public TableGrid(double left, double[] widths, IReadOnlyList<TableColumn> columns, LineMetrics metrics)
    {
        Widths = widths;
        X = new double[widths.Length];
        var x = left;
        for (var c = 0; c < widths.Length; c++)
        {
            X[c] = x;
            x += widths[c];
        }

        Left = left;
        Right = x;
        Alignments = [.. columns.Select(c => c.Alignment)];
        Metrics = metrics;
    }

    public double Left { get; }

    public double Right { get; }

    public double[] X { get; }

    public double[] Widths { get; }

    public ColumnAlignment[] Alignments { get; }

    public LineMetrics Metrics { get; }

    public int Count => Widths.Length;

    /// <summary>The width text may take inside column <paramref name="column"/>.</summary>
    public double Inner(int column) => Widths[column] - (2 * Typography.CellPaddingX);

    /// <summary>The height of a row of <paramref name="lines"/> lines, padding included.</summary>
    public double RowHeight(int lines) => (Math.Max(1, lines) * Metrics.Height) + (2 * Typography.CellPaddingY);
}

using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout.Tables;

/// <summary>One row broken into lines per cell. The buffers are reused row after row.</summary>
internal sealed class TableRow
{
    private readonly StyledText[] texts;
    private readonly List<TextLine>[] lines;

    public TableRow(int columns)
    {
        texts = new StyledText[columns];
        lines = new List<TextLine>[columns];
        for (var c = 0; c < columns; c++)
        {
            texts[c] = new StyledText();
            lines[c] = [];
        }
    }

    /// <summary>The most lines any cell of the row has.</summary>
    public int LineCount { get; private set; }

    public void Layout(IReadOnlyList<TableCell> cells, TableGrid grid, FontFace face, PdfFonts fonts)
    {
        LineCount = 1;
        for (var c = 0; c < grid.Count; c++)
        {
            var text = texts[c];
            text.Reset(Typography.TableSize);
            if (c < cells.Count)
            {
                InlineFlattener.Flatten(cells[c].Content, text, face);
            }

            text.Measure(fonts);
            LineBreaker.Break(text.Chars, text.Widths, grid.Inner(c), lines[c]);
            LineCount = Math.Max(LineCount, lines[c].Count);
        }
    }

    /// <summary>
    /// Draws lines [<paramref name="first"/>, first + <paramref name="count"/>) of every cell in a band
    /// starting at <paramref name="top"/>, each cell as a structure element of type <paramref name="cellRole"/>
    /// (<c>TH</c> cells head their column).
    /// </summary>
    public void Draw(TextPainter painter, PageFlow flow, TableGrid grid, double top, int first, int count, XBrush brush, string cellRole = "TD")
    {
        var metrics = grid.Metrics;
        for (var c = 0; c < grid.Count; c++)
        {
            flow.Tags.Begin(cellRole);
            var cellLines = lines[c];
            var end = Math.Min(cellLines.Count, first + count);
            for (var i = first; i < end; i++)
            {
                var line = cellLines[i];
                var x = grid.X[c] + Typography.CellPaddingX + grid.Alignments[c] switch
                {
                    ColumnAlignment.Right => grid.Inner(c) - line.Width,
                    ColumnAlignment.Center => (grid.Inner(c) - line.Width) / 2,
                    _ => 0,
                };
                var baseline = top + Typography.CellPaddingY + ((i - first) * metrics.Height) + metrics.Baseline;
                painter.Draw(flow, texts[c], line, x, baseline, brush);
            }

            flow.Tags.End();
        }
    }
}

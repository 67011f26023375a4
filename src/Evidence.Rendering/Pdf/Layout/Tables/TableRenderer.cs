using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout.Tables;

/// <summary>
/// Tables: columns sized from a sample of rows, the header row repeated at the top of every page,
/// rows kept whole unless one is taller than a page. Rows are read once, as they come; only the
/// sample is held.
/// </summary>
internal sealed class TableRenderer(LayoutContext context, ParagraphRenderer paragraphs)
{
    public void Render(Table table)
    {
        if (table.Columns.Count == 0)
        {
            return;
        }

        var flow = context.Flow;
        using var rows = table.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<TableCell>>();
        while (sample.Count < TableColumnSizer.SampleSize && rows.MoveNext())
        {
            sample.Add(rows.Current);
        }

        var widths = new TableColumnSizer(context.Fonts).Size(table.Columns, sample, flow.Width);
        var grid = new TableGrid(flow.Left, widths, table.Columns, LineMetrics.For(context.Fonts, Typography.TableSize, Typography.TableLeading));
        var header = new TableRow(grid.Count);
        header.Layout([.. table.Columns.Select(c => TableCell.Of(c.Header))], grid, FontFace.Bold, context.Fonts);
        var headerHeight = grid.RowHeight(header.LineCount);
        var row = new TableRow(grid.Count);
        var started = false;
        var open = 0;
        long index = 0;

        void DrawHeader()
        {
            flow.Canvas?.DrawRectangle(context.Palette.HeaderFill, grid.Left, flow.Y, grid.Right - grid.Left, headerHeight);
            flow.Tags.Begin("TR", holdsContent: false);
            header.Draw(context.Painter, flow, grid, flow.Y, 0, header.LineCount, context.Palette.Text, "TH");
            flow.Tags.End();
            flow.Y += headerHeight;
        }

        void Start(double firstRowHeight)
        {
            // The caption, the header and the first rows (or as much of them as fits a third of a page) go together.
            var caption = table.Caption is { Length: > 0 } ? LineMetrics.For(context.Fonts, Typography.CaptionSize, Typography.BodyLeading).Height * 2 : 0;
            var firstRows = KeepRules.OpeningRows(firstRowHeight, table.RowCount, flow.Geometry.BodyHeight);
            flow.EnsureSpace(caption + headerHeight + firstRows);
            // Opened only now: a heading waiting for this table has just been drawn, outside it.
            flow.Tags.Begin("Table", holdsContent: false);
            open = 1;
            if (caption > 0)
            {
                paragraphs.Render(new Paragraph([new TextRun(table.Caption!)]) { Style = ParagraphStyle.Caption }, "Caption");
                flow.EnsureSpace(headerHeight + firstRows);
            }

            // The header row once as THead; its repetitions on later pages are artifacts (PageFlow.NewPage).
            flow.Tags.Begin("THead", holdsContent: false);
            DrawHeader();
            flow.Tags.End();
            flow.Tags.Begin("TBody", holdsContent: false);
            open = 2;
            flow.PageStarted = DrawHeader;
            started = true;
        }

        void Add(IReadOnlyList<TableCell> cells)
        {
            row.Layout(cells, grid, FontFace.Regular, context.Fonts);
            var height = grid.RowHeight(row.LineCount);
            if (!started)
            {
                Start(height);
            }

            // The last row never goes alone under a repeated header: the one before it waits for room for both.
            var keepWithLast = index == table.RowCount - 2 ? height : 0;
            DrawRow(row, grid, height, headerHeight, keepWithLast);
            context.Progress.Row();
            index++;
        }

        try
        {
            foreach (var cells in sample)
            {
                Add(cells);
            }

            sample.Clear();
            sample.Capacity = 0;
            while (rows.MoveNext())
            {
                Add(rows.Current);
            }

            if (!started)
            {
                Start(grid.RowHeight(1));
                for (; open > 0; open--)
                {
                    flow.Tags.End();
                }

                paragraphs.Render(new Paragraph([new TextRun("No rows.")]) { Style = ParagraphStyle.Small });
            }
        }
        finally
        {
            flow.PageStarted = null;
            for (; open > 0; open--)
            {
                flow.Tags.End();
            }
        }

        flow.AddSpace(Typography.ParagraphSpacing * 1.5);
    }

    private void DrawRow(TableRow row, TableGrid grid, double height, double headerHeight, double keepWithLast)
    {
        var flow = context.Flow;
        flow.Tags.Begin("TR", holdsContent: false);
        try
        {
            DrawCells(row, grid, height, headerHeight, keepWithLast);
        }
        finally
        {
            flow.Tags.End();
        }
    }

    private void DrawCells(TableRow row, TableGrid grid, double height, double headerHeight, double keepWithLast)
    {
        var flow = context.Flow;
        if (height <= flow.Geometry.BodyHeight - headerHeight)
        {
            flow.EnsureSpace(height + (height + keepWithLast <= flow.Geometry.BodyHeight - headerHeight ? keepWithLast : 0));
            row.Draw(context.Painter, flow, grid, flow.Y, 0, row.LineCount, context.Palette.Text);
            flow.Y += height;
            Rule(grid);
            return;
        }

        // Taller than a page: the only case where a row is split, at line boundaries.
        var metrics = grid.Metrics;
        for (var done = 0; done < row.LineCount;)
        {
            var fit = (int)((flow.Bottom - flow.Y - (2 * Typography.CellPaddingY)) / metrics.Height);
            if (fit <= 0)
            {
                flow.NewPage();
                continue;
            }

            var count = Math.Min(fit, row.LineCount - done);
            row.Draw(context.Painter, flow, grid, flow.Y, done, count, context.Palette.Text);
            flow.Y += grid.RowHeight(count);
            done += count;
            if (done < row.LineCount)
            {
                flow.NewPage();
            }
        }

        Rule(grid);
    }

    private void Rule(TableGrid grid)
    {
        var flow = context.Flow;
        flow.Canvas?.DrawLine(context.Palette.RowRule, grid.Left, flow.Y, grid.Right, flow.Y);
    }
}

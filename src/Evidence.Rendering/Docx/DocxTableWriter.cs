using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Layout.Tables;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Streams a table: properties and grid, a header row that repeats on every page, then the rows
/// one at a time as the lazy sequence yields them. Rows never split across pages. The per-column
/// cell properties are built once, so a row costs only its text.
/// </summary>
internal sealed class DocxTableWriter(DocxBodyContext context, DocxInlineWriter inlines, DocxColumnSizer sizer)
{
    // firstRow on, banding off: the hex form Word 2007 reads, the flags later versions read.
    private const string LookWithHeader = "0620";
    private const string LookWithoutHeader = "0600";

    private readonly W.Table _table = new();
    private readonly W.TableRow _row = new();
    private readonly W.TableCell _cell = new();
    private readonly W.TableRowProperties _headerRow = new(new W.CantSplit(), new W.TableHeader());
    private readonly W.TableRowProperties _bodyRow = new(new W.CantSplit());

    public void Write(Table table)
    {
        if (table.Columns.Count == 0)
        {
            return;
        }

        if (table.Caption is { } caption)
        {
            context.StartParagraph(DocxStyleIds.Caption);
            inlines.Write([new TextRun(caption)]);
            context.Xml.WriteEndElement();
        }

        // The PDF sizes its columns from the first rows; the same rows are read here, then the rest as they come.
        using var rows = table.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<TableCell>>();
        while (sample.Count < TableColumnSizer.SampleSize && rows.MoveNext())
        {
            sample.Add(rows.Current);
        }

        var widths = sizer.Size(table.Columns, sample);
        var headerCells = table.Columns.Select(c => CellProperties(DocxStyleIds.TableHeading, c.Alignment)).ToArray();
        var bodyCells = table.Columns.Select(c => CellProperties(DocxStyleIds.TableText, c.Alignment)).ToArray();
        var emptyCell = CellProperties(DocxStyleIds.TableText, ColumnAlignment.Left);

        context.Xml.WriteStartElement(_table);
        context.Xml.WriteElement(Properties(header: true, table.Caption));
        context.Xml.WriteElement(Grid(widths));

        context.Xml.WriteStartElement(_row);
        context.Xml.WriteRepeated(_headerRow);
        for (var i = 0; i < table.Columns.Count; i++)
        {
            WriteCell(headerCells[i], [new TextRun(table.Columns[i].Header)]);
        }

        context.Xml.WriteEndElement();

        foreach (var row in sample)
        {
            WriteRow(row, bodyCells, emptyCell, table.Columns.Count);
        }

        while (rows.MoveNext())
        {
            WriteRow(rows.Current, bodyCells, emptyCell, table.Columns.Count);
        }

        context.Xml.WriteEndElement();
        context.EndTable();
    }

    private void WriteRow(IReadOnlyList<TableCell> row, W.ParagraphProperties[] bodyCells, W.ParagraphProperties emptyCell, int columns)
    {
        context.Xml.WriteStartElement(_row);
        context.Xml.WriteRepeated(_bodyRow);
        var count = Math.Max(row.Count, columns);
        for (var i = 0; i < count; i++)
        {
            // A short row is padded so the grid stays whole; a long one keeps its extra cells rather than lose text.
            WriteCell(i < bodyCells.Length ? bodyCells[i] : emptyCell, i < row.Count ? row[i].Content : []);
        }

        context.Xml.WriteEndElement();
        context.RowDone();
    }

    /// <summary>Table properties: the Evidence Table style, the full text width, fixed layout so long ids wrap inside their column.</summary>
    public static W.TableProperties Properties(bool header, string? caption)
    {
        var properties = new W.TableProperties(
            new W.TableStyle { Val = DocxStyleIds.Table },
            new W.TableWidth { Width = DocxFormatting.Number(DocxLayout.TextWidth), Type = W.TableWidthUnitValues.Dxa },
            new W.TableLayout { Type = W.TableLayoutValues.Fixed },
            new W.TableLook
            {
                Val = header ? LookWithHeader : LookWithoutHeader,
                FirstRow = header,
                LastRow = false,
                FirstColumn = false,
                LastColumn = false,
                NoHorizontalBand = true,
                NoVerticalBand = true,
            });
        if (caption is not null)
        {
            properties.Append(new W.TableCaption { Val = XmlText.Clean(caption) });
        }

        return properties;
    }

    public static W.TableGrid Grid(IReadOnlyList<int> widths) =>
        new(widths.Select(w => new W.GridColumn { Width = DocxFormatting.Number(w) }));

    /// <summary>
    /// Column widths in twips that add up to the text width: by relative width where given, columns
    /// without one get the average of the others (or an equal share when none has one).
    /// </summary>
    public static int[] ColumnWidths(IReadOnlyList<TableColumn> columns)
    {
        var given = columns.Where(c => c.RelativeWidth is > 0).Select(c => c.RelativeWidth!.Value).ToList();
        var fallback = given.Count > 0 ? given.Average() : 1.0;
        var shares = columns.Select(c => c.RelativeWidth is > 0 ? c.RelativeWidth.Value : fallback).ToArray();
        var total = shares.Sum();
        var widths = shares.Select(s => (int)Math.Floor(DocxLayout.TextWidth * s / total)).ToArray();
        widths[^1] += DocxLayout.TextWidth - widths.Sum();
        return widths;
    }

    private void WriteCell(W.ParagraphProperties paragraph, IReadOnlyList<Inline> content)
    {
        context.Xml.WriteStartElement(_cell);
        context.StartReusedParagraph(paragraph);
        inlines.WriteCell(content);
        context.Xml.WriteEndElement();
        context.Xml.WriteEndElement();
    }

    private static W.ParagraphProperties CellProperties(string style, ColumnAlignment alignment)
    {
        var properties = new W.ParagraphProperties(new W.ParagraphStyleId { Val = style });
        if (alignment != ColumnAlignment.Left)
        {
            properties.Append(new W.Justification { Val = alignment == ColumnAlignment.Right ? W.JustificationValues.Right : W.JustificationValues.Center });
        }

        return properties;
    }
}

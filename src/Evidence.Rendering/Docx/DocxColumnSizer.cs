using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Layout.Tables;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Column widths for Word from the PDF's own sizer, measured with the same fonts, so a header word
/// or a short value that the PDF keeps whole is not broken by Word (or LibreOffice) either. Without
/// fonts to measure with (none installed), the widths follow the columns' relative hints alone.
/// </summary>
internal sealed class DocxColumnSizer(PdfFonts? fonts)
{
    // A word processor measures with its own hinting and rounding: a column exactly as wide as the
    // PDF's would break its widest short value. Each column gets this much more than the PDF gives it.
    private const double Slack = 1.5;

    /// <summary>Widths in twips that add up to the text width.</summary>
    public int[] Size(IReadOnlyList<TableColumn> columns, IReadOnlyList<IReadOnlyList<TableCell>> sample)
    {
        if (fonts is null)
        {
            return DocxTableWriter.ColumnWidths(columns);
        }

        var points = new TableColumnSizer(fonts).Size(columns, sample, (DocxLayout.TextWidth / 20.0) - (Slack * columns.Count));
        var widths = points.Select(p => (int)Math.Floor((p + Slack) * 20)).ToArray();
        widths[^1] += DocxLayout.TextWidth - widths.Sum();
        return widths;
    }
}

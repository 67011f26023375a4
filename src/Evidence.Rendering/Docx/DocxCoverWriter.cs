using Evidence.Rendering.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>The cover: title, subtitle, a two-column table of its labelled lines, then a page break.</summary>
internal sealed class DocxCoverWriter(DocxBodyContext context)
{
    private static readonly int[] Widths = ColumnWidths();

    public void Write(CoverPage cover)
    {
        WriteParagraph(DocxStyleIds.Title, cover.Title);
        if (cover.Subtitle is { } subtitle)
        {
            WriteParagraph(DocxStyleIds.Subtitle, subtitle);
        }

        if (cover.Lines.Count > 0)
        {
            // Small and known in full, so built as elements rather than streamed.
            var table = new W.Table(DocxTableWriter.Properties(header: false, caption: null), DocxTableWriter.Grid(Widths));
            foreach (var (label, value) in cover.Lines)
            {
                table.Append(new W.TableRow(
                    new W.TableRowProperties(new W.CantSplit()),
                    Cell(label, bold: true),
                    Cell(value, bold: false)));
            }

            context.Xml.WriteElement(table);
            context.EndTable();
        }

        context.StartParagraph((string?)null);
        context.Xml.WriteElement(new W.Run(new W.Break { Type = W.BreakValues.Page }));
        context.Xml.WriteEndElement();
    }

    private void WriteParagraph(string style, string text)
    {
        context.StartParagraph(style);
        context.StartRun(null);
        context.WriteText(text);
        context.Xml.WriteEndElement();
        context.Xml.WriteEndElement();
    }

    private static W.TableCell Cell(string text, bool bold)
    {
        var run = new W.Run(new W.Text(XmlText.Clean(text)) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new W.RunProperties(new W.Bold()));
        }

        return new W.TableCell(new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = DocxStyleIds.TableText }), run));
    }

    private static int[] ColumnWidths() =>
        DocxTableWriter.ColumnWidths([new TableColumn("") { RelativeWidth = 3 }, new TableColumn("") { RelativeWidth = 7 }]);
}

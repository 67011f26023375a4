using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>
/// The text a reader sees, one line per paragraph and table row (cells joined by " | "), with each
/// paragraph's style in brackets: what the snapshot tests compare. Field instructions are left out.
/// </summary>
internal static class DocxText
{
    public static string Dump(WordprocessingDocument document)
    {
        var text = new StringBuilder();
        foreach (var element in document.MainDocumentPart!.Document.Body!.ChildElements)
        {
            switch (element)
            {
                case W.Paragraph paragraph:
                    text.Append('[').Append(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal").Append("] ");
                    text.AppendLine(Of(paragraph));
                    break;
                case W.Table table:
                    foreach (var row in table.Elements<W.TableRow>())
                    {
                        text.Append("  | ").AppendJoin(" | ", row.Elements<W.TableCell>().Select(c => string.Join(" / ", c.Elements<W.Paragraph>().Select(Of)))).AppendLine(" |");
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>A paragraph's visible text: runs' text, tabs as tabs, line breaks as " / ".</summary>
    public static string Of(OpenXmlElement paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case W.Text t:
                    // The zero-width spaces that let Word break a long identifier are not seen.
                    text.Append(t.Text.Replace("\u200B", string.Empty, StringComparison.Ordinal));
                    break;
                case W.TabChar:
                    text.Append('\t');
                    break;
                case W.Break { Type.Value: var type } when type == W.BreakValues.Page:
                    text.Append("<page break>");
                    break;
                case W.Break:
                    text.Append(" / ");
                    break;
            }
        }

        return text.ToString();
    }
}

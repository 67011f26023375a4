using System.Globalization;
using DocumentFormat.OpenXml;
using Evidence.Rendering.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// The running header (system, document title, marking) and footer ("Generated ..." and
/// "Page N of M", where N and M are PAGE and NUMPAGES fields).
/// </summary>
internal static class DocxRunningHeads
{
    private const string Main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static W.Header Header(DocumentInfo info)
    {
        var paragraph = Paragraph(DocxStyleIds.Header);
        paragraph.Append(TextRun($"{info.SystemName} \u2014 {info.Title}"));
        paragraph.Append(new W.Run(new W.TabChar()));
        paragraph.Append(new W.Run(new W.RunProperties(new W.Bold()), new W.Text(XmlText.Clean(info.Marking))));
        var header = new W.Header(paragraph);
        header.AddNamespaceDeclaration("w", Main);
        return header;
    }

    public static W.Footer Footer(DocumentInfo info)
    {
        var generated = Model.Texts.Instant(info.GeneratedAt);
        var paragraph = Paragraph(DocxStyleIds.Footer);
        paragraph.Append(TextRun($"Generated {generated}"));
        paragraph.Append(new W.Run(new W.TabChar()));
        paragraph.Append(TextRun("Page "));
        paragraph.Append(DocxFields.Complex("PAGE", "1"));
        paragraph.Append(TextRun(" of "));
        paragraph.Append(DocxFields.Complex("NUMPAGES", "1"));
        var footer = new W.Footer(paragraph);
        footer.AddNamespaceDeclaration("w", Main);
        return footer;
    }

    private static W.Paragraph Paragraph(string style) =>
        new(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));

    private static W.Run TextRun(string text) =>
        new(new W.Text(XmlText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
}

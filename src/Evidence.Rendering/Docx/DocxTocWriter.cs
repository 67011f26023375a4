using System.Globalization;
using DocumentFormat.OpenXml;
using Evidence.Rendering.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes the table of contents as a TOC field whose result is already filled with the heading
/// titles, each linked to its heading, and the page the PDF puts it on when that is known. It reads
/// well before any field update (and in viewers that never update fields); the field is marked dirty
/// and the settings ask for an update, so Word rebuilds it with its own page numbers on open.
/// </summary>
internal sealed class DocxTocWriter(DocxBodyContext context)
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public void Write(TableOfContents toc)
    {
        var maxLevel = Math.Clamp(toc.MaxLevel, 1, 3);
        var entries = context.Outline.Entries.Where(e => e.Level <= maxLevel).ToList();
        var instruction = string.Create(CultureInfo.InvariantCulture, $" TOC \\o \"1-{maxLevel}\" \\h \\z \\u ");

        context.StartParagraph(DocxStyleIds.TocHeading);
        context.StartRun(null);
        context.WriteText("Contents");
        context.Xml.WriteEndElement();
        context.Xml.WriteEndElement();

        if (entries.Count == 0)
        {
            context.StartParagraph(DocxStyleIds.Toc(1));
            WriteFieldStart(instruction);
            WriteFieldChar(W.FieldCharValues.End);
            context.Xml.WriteEndElement();
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            context.StartParagraph(DocxStyleIds.Toc(entry.Level));
            if (i == 0)
            {
                WriteFieldStart(instruction);
            }

            context.Xml.WriteStartElement(new W.Hyperlink(), [
                new OpenXmlAttribute("w", "anchor", MainNamespace, entry.Bookmark),
                new OpenXmlAttribute("w", "history", MainNamespace, "1")]);
            context.StartRun(null);
            context.WriteText(entry.Text);
            context.Xml.WriteEndElement();
            if (context.Pages?.PageOf(entry.Anchor) is { } page)
            {
                // Inside the link, as Word writes its own entries: the dot leader and number click through too.
                context.StartRun(null);
                context.Xml.WriteElement(new W.TabChar());
                context.WriteText(page.ToString(CultureInfo.InvariantCulture));
                context.Xml.WriteEndElement();
            }

            context.Xml.WriteEndElement();

            if (i == entries.Count - 1)
            {
                WriteFieldChar(W.FieldCharValues.End);
            }

            context.Xml.WriteEndElement();
        }
    }

    private void WriteFieldStart(string instruction)
    {
        context.Xml.WriteElement(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin, Dirty = true }));
        context.Xml.WriteElement(new W.Run(new W.FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }));
        WriteFieldChar(W.FieldCharValues.Separate);
    }

    private void WriteFieldChar(W.FieldCharValues type) =>
        context.Xml.WriteElement(new W.Run(new W.FieldChar { FieldCharType = type }));
}

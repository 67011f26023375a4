using DocumentFormat.OpenXml;
using Evidence.Rendering.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes inline content as runs: emphasis as direct bold and italic, code in the "Inline Code"
/// character style, links as w:hyperlink (to a bookmark, or through a relationship to a URL). An internal link names
/// its page after it, as the PDF does: "(p. 42)", a PAGEREF field whose shown number is the PDF's page until Word
/// updates it (only when the PDF's pages are known).
/// </summary>
internal sealed class DocxInlineWriter(DocxBodyContext context)
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string MainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // One properties element per combination of bold, italic, code and link, built on first use.
    private readonly W.RunProperties?[] _runProperties = new W.RunProperties?[16];
    private readonly W.Hyperlink _hyperlink = new();
    private readonly W.Break _break = new();

    private bool _inCell;

    public void Write(IReadOnlyList<Inline> inlines) => Write(inlines, inLink: false);

    /// <summary>Writes a table cell's content, letting long identifiers break where the PDF breaks them.</summary>
    public void WriteCell(IReadOnlyList<Inline> inlines)
    {
        _inCell = true;
        try
        {
            Write(inlines, inLink: false);
        }
        finally
        {
            _inCell = false;
        }
    }

    private void Write(IReadOnlyList<Inline> inlines, bool inLink)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun run:
                    context.StartRun(Properties(run.Bold, run.Italic, run.Code, inLink));
                    context.WriteText(_inCell ? IdentifierBreaks.Insert(run.Text) : run.Text);
                    context.Xml.WriteEndElement();
                    break;
                case LineBreak:
                    context.StartRun(null);
                    context.Xml.WriteElement(_break);
                    context.Xml.WriteEndElement();
                    break;
                case Link link:
                    WriteLink(link, inLink);
                    break;
            }
        }
    }

    private void WriteLink(Link link, bool inLink)
    {
        var attribute = inLink ? null : Target(link);
        if (attribute is null)
        {
            // A link inside a link, or one that leads nowhere in this document: keep its text.
            Write(link.Content, inLink);
            return;
        }

        context.Xml.WriteStartElement(_hyperlink, [attribute.Value, new OpenXmlAttribute("w", "history", MainNamespace, "1")]);
        Write(link.Content, inLink: true);
        context.Xml.WriteEndElement();
        if (link.IsInternal && context.Pages?.PageOf(link.Target[1..]) is { } page)
        {
            WritePageReference(attribute.Value.Value!, page);
        }
    }

    // " (p. 42)": the number a field Word recomputes, so it follows Word's own pages once the document is updated.
    private void WritePageReference(string bookmark, int page)
    {
        context.StartRun(null);
        context.WriteText(" (p.\u00A0");
        context.Xml.WriteEndElement();
        foreach (var run in DocxFields.Complex($"PAGEREF {bookmark} \\h", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            context.Xml.WriteElement(run);
        }

        context.StartRun(null);
        context.WriteText(")");
        context.Xml.WriteEndElement();
    }

    private OpenXmlAttribute? Target(Link link)
    {
        if (link.IsInternal)
        {
            return context.Outline.BookmarkForAnchor(link.Target[1..]) is { } bookmark
                ? new OpenXmlAttribute("w", "anchor", MainNamespace, bookmark)
                : null;
        }

        return context.Hyperlinks.IdFor(link.Target) is { } id
            ? new OpenXmlAttribute("r", "id", RelationshipsNamespace, id)
            : null;
    }

    private W.RunProperties? Properties(bool bold, bool italic, bool code, bool link)
    {
        var key = (bold ? 1 : 0) | (italic ? 2 : 0) | (code ? 4 : 0) | (link ? 8 : 0);
        if (key == 0)
        {
            return null;
        }

        return _runProperties[key] ??= Build(bold, italic, code, link);
    }

    private static W.RunProperties Build(bool bold, bool italic, bool code, bool link)
    {
        var properties = new W.RunProperties();
        if (link || code)
        {
            // A run has one character style: a link keeps the link look.
            properties.Append(new W.RunStyle { Val = link ? DocxStyleIds.Hyperlink : DocxStyleIds.CodeChar });
        }

        if (code)
        {
            // The font again, directly: LibreOffice lays a table style's fonts over character
            // styles in cells, and a link's code would lose it to the link style anyway.
            properties.Append(new W.RunFonts { Ascii = DocxLayout.MonospaceFont, HighAnsi = DocxLayout.MonospaceFont });
        }

        if (bold)
        {
            properties.Append(new W.Bold());
        }

        if (italic)
        {
            properties.Append(new W.Italic());
        }

        return properties;
    }
}

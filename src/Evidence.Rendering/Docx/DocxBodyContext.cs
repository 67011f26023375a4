using System.Buffers;
using DocumentFormat.OpenXml;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// What the body's writers share while the main part streams out: the XML writer, the outline,
/// the hyperlink, list and picture registries, the column sizer, the next bookmark id and the progress counters.
/// Start tags are written from one reusable element each; only their names are read, so a
/// 200,000-row table allocates no element objects per cell.
/// </summary>
internal sealed class DocxBodyContext(
    DocxPartWriter xml,
    DocxOutline outline,
    DocxHyperlinks hyperlinks,
    DocxNumbering numbering,
    DocxColumnSizer columns,
    DocxFigures figures,
    DocumentPages? pages,
    IProgress<RenderProgress>? progress)
{
    private const int RowsPerReport = 1000;

    private static readonly SearchValues<char> LineAndTab = SearchValues.Create("\t\n\r");

    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    private readonly W.Paragraph _paragraph = new();
    private readonly W.Run _run = new();
    private readonly W.Text _text = new();
    private readonly Dictionary<string, W.ParagraphProperties> _styles = new(StringComparer.Ordinal);
    private int _nextBookmarkId;
    private int _blocks;
    private long _rows;

    public DocxPartWriter Xml { get; } = xml;

    public DocxOutline Outline { get; } = outline;

    public DocxHyperlinks Hyperlinks { get; } = hyperlinks;

    public DocxNumbering Numbering { get; } = numbering;

    /// <summary>The document's pictures: each one's relationship id and number.</summary>
    public DocxFigures Figures { get; } = figures;

    /// <summary>Where the PDF puts each heading, for the contents' page numbers; null when not known.</summary>
    public DocumentPages? Pages { get; } = pages;

    /// <summary>Sizes table columns as the PDF does.</summary>
    public DocxColumnSizer Columns { get; } = columns;

    /// <summary>
    /// Ends a table with the theme's space after it, as a paragraph of exactly that height: Word has
    /// no space-after for tables, merges two tables with nothing between them, and wants a paragraph
    /// before the section's end, so every table is followed by this one.
    /// </summary>
    public void EndTable()
    {
        StartParagraph(DocxStyleIds.TableSpacer);
        Xml.WriteEndElement();
    }

    public int NextBookmarkId() => _nextBookmarkId++;

    /// <summary>Starts a paragraph in the given style (null: Normal, with no properties written).</summary>
    public void StartParagraph(string? style = null)
    {
        StartReusedParagraph(style is null ? null : StyleProperties(style));
    }

    public void StartParagraph(W.ParagraphProperties? properties)
    {
        Xml.WriteStartElement(_paragraph);
        if (properties is not null)
        {
            Xml.WriteElement(properties);
        }
    }

    /// <summary>Starts a paragraph whose properties the caller keeps and writes again unchanged (a style's, a table column's).</summary>
    public void StartReusedParagraph(W.ParagraphProperties? properties)
    {
        Xml.WriteStartElement(_paragraph);
        if (properties is not null)
        {
            Xml.WriteRepeated(properties);
        }
    }

    /// <summary>
    /// Properties that only name a style, cached per style. Never change the element returned: it is written as it
    /// was serialized the first time (<see cref="DocxPartWriter.WriteRepeated"/>).
    /// </summary>
    public W.ParagraphProperties StyleProperties(string style)
    {
        if (!_styles.TryGetValue(style, out var properties))
        {
            properties = new W.ParagraphProperties(new W.ParagraphStyleId { Val = style });
            _styles.Add(style, properties);
        }

        return properties;
    }

    /// <summary>Starts a run; its properties (one element per combination, kept by the inline writer) are written again unchanged.</summary>
    public void StartRun(W.RunProperties? properties)
    {
        Xml.WriteStartElement(_run);
        if (properties is not null)
        {
            Xml.WriteRepeated(properties);
        }
    }

    /// <summary>
    /// Writes the text of a run. Tabs and line feeds become Word's tab and break elements (a raw
    /// tab or newline inside w:t is not shown as one), and characters XML cannot hold become U+FFFD.
    /// </summary>
    public void WriteText(string text)
    {
        var clean = XmlText.Clean(text);
        var start = 0;
        while (true)
        {
            var hit = clean.AsSpan(start).IndexOfAny(LineAndTab);
            if (hit < 0)
            {
                WriteTextElement(clean, start, clean.Length - start);
                return;
            }

            var index = start + hit;
            WriteTextElement(clean, start, index - start);
            if (clean[index] == '\t')
            {
                Xml.WriteElement(new W.TabChar());
            }
            else if (clean[index] == '\n' || index + 1 == clean.Length || clean[index + 1] != '\n')
            {
                // "\r\n" breaks once, at its "\n"; a lone "\r" breaks too.
                Xml.WriteElement(new W.Break());
            }

            start = index + 1;
        }
    }

    /// <summary>Counts a top-level block and reports progress.</summary>
    public void BlockDone()
    {
        _blocks++;
        progress?.Report(new RenderProgress(_blocks, _rows, 0));
    }

    /// <summary>Counts a table row and reports progress every thousand rows.</summary>
    public void RowDone()
    {
        _rows++;
        if (_rows % RowsPerReport == 0)
        {
            progress?.Report(new RenderProgress(_blocks, _rows, 0));
        }
    }

    private void WriteTextElement(string text, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        var segment = start == 0 && length == text.Length ? text : text.Substring(start, length);
        // Word drops leading and trailing spaces unless told to keep them.
        var keepSpaces = char.IsWhiteSpace(segment[0]) || char.IsWhiteSpace(segment[^1]) || segment.Contains("  ", StringComparison.Ordinal);
        if (keepSpaces)
        {
            Xml.WriteStartElement(_text, Preserve);
        }
        else
        {
            Xml.WriteStartElement(_text);
        }

        Xml.WriteString(segment);
        Xml.WriteEndElement();
    }
}

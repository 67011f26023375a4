using Evidence.Rendering.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Streams the main document part: every block in order, then the section properties. Nothing of
/// the body is held as an element tree, so memory stays flat however many rows the tables have.
/// </summary>
internal sealed class DocxBodyWriter
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const int MaxListLevel = 8;

    private readonly DocxBodyContext _context;
    private readonly DocxInlineWriter _inlines;
    private readonly DocxTableWriter _tables;
    private readonly DocxTocWriter _toc;
    private readonly DocxCoverWriter _cover;
    private readonly DocxFigureWriter _figures;

    public DocxBodyWriter(DocxBodyContext context)
    {
        _context = context;
        _inlines = new DocxInlineWriter(context);
        _tables = new DocxTableWriter(context, _inlines, context.Columns);
        _toc = new DocxTocWriter(context);
        _cover = new DocxCoverWriter(context);
        _figures = new DocxFigureWriter(context);
    }

    public void Write(IReadOnlyList<Block> blocks)
    {
        var xml = _context.Xml;
        xml.WriteStartDocument(standalone: true);
        xml.WriteStartElement(new W.Document(), [], [new("w", MainNamespace), new("r", RelationshipsNamespace)]);
        xml.WriteStartElement(new W.Body());
        foreach (var block in blocks)
        {
            WriteBlock(block, listLevel: 0);
            _context.BlockDone();
        }

        xml.WriteElement(DocxSection.Build());
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.Close();
    }

    private void WriteBlock(Block block, int listLevel)
    {
        switch (block)
        {
            case Heading heading:
                WriteHeading(heading);
                break;
            case Paragraph paragraph:
                WriteParagraph(StyleOf(paragraph.Style) is { } style ? _context.StyleProperties(style) : null, paragraph.Content);
                break;
            case ListBlock list:
                WriteList(list, listLevel);
                break;
            case CodeBlock code:
                WriteCode(code);
                break;
            case ThematicBreak:
                _context.StartParagraph(DocxStyleIds.Rule);
                _context.Xml.WriteEndElement();
                break;
            case PageBreak:
                _context.StartParagraph((string?)null);
                _context.Xml.WriteElement(new W.Run(new W.Break { Type = W.BreakValues.Page }));
                _context.Xml.WriteEndElement();
                break;
            case TableOfContents toc:
                _toc.Write(toc);
                break;
            case CoverPage cover:
                _cover.Write(cover);
                break;
            case Table table:
                _tables.Write(table);
                break;
            case Figure figure:
                _figures.Write(figure);
                break;
            default:
                throw new NotSupportedException($"The DOCX writer has no rendering for {block.GetType().Name}.");
        }
    }

    private void WriteHeading(Heading heading)
    {
        var style = heading.InOutline ? DocxStyleIds.Heading(heading.Level) : DocxStyleIds.UnlistedHeading(heading.Level);
        _context.StartParagraph(style);
        var bookmark = _context.Outline.BookmarkOf(heading);
        var id = bookmark is null ? 0 : _context.NextBookmarkId();
        if (bookmark is not null)
        {
            _context.Xml.WriteElement(new W.BookmarkStart { Id = DocxFormatting.Number(id), Name = bookmark });
        }

        _inlines.Write(heading.Content);
        if (bookmark is not null)
        {
            _context.Xml.WriteElement(new W.BookmarkEnd { Id = DocxFormatting.Number(id) });
        }

        _context.Xml.WriteEndElement();
    }

    private void WriteParagraph(W.ParagraphProperties? properties, IReadOnlyList<Inline> content)
    {
        _context.StartParagraph(properties);
        _inlines.Write(content);
        _context.Xml.WriteEndElement();
    }

    /// <summary>
    /// The first paragraph of an item carries the number or bullet; later paragraphs of the item
    /// line up with its text; a nested list goes one level deeper.
    /// </summary>
    private void WriteList(ListBlock list, int level)
    {
        var numberingId = list.Ordered ? _context.Numbering.StartOrderedList(level) : DocxNumbering.BulletList;
        var numbered = new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = DocxStyleIds.ListParagraph },
            new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = numberingId }));
        var continued = new W.ParagraphProperties(
            new W.ParagraphStyleId { Val = DocxStyleIds.ListParagraph },
            new W.Indentation { Left = DocxFormatting.Number(DocxLayout.ListIndent * (level + 1)) });

        foreach (var item in list.Items)
        {
            var first = true;
            foreach (var block in item)
            {
                if (first && block is not Paragraph)
                {
                    WriteParagraph(numbered, []);
                }

                switch (block)
                {
                    case Paragraph paragraph:
                        WriteParagraph(first ? numbered : continued, paragraph.Content);
                        break;
                    case ListBlock nested:
                        WriteList(nested, Math.Min(level + 1, MaxListLevel));
                        break;
                    default:
                        WriteBlock(block, level);
                        break;
                }

                first = false;
            }

            if (first)
            {
                WriteParagraph(numbered, []);
            }
        }
    }

    /// <summary>One paragraph per line, so each line keeps its spaces and the block can break across pages.</summary>
    private void WriteCode(CodeBlock code)
    {
        var text = code.Text.ReplaceLineEndings("\n");
        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        foreach (var line in text.Split('\n'))
        {
            _context.StartParagraph(DocxStyleIds.Code);
            if (line.Length > 0)
            {
                _context.StartRun(null);
                _context.WriteText(line);
                _context.Xml.WriteEndElement();
            }

            _context.Xml.WriteEndElement();
        }
    }

    /// <summary>The paragraph style for a role; null for Normal, which needs no properties at all.</summary>
    private static string? StyleOf(ParagraphStyle style) => style switch
    {
        ParagraphStyle.Caption => DocxStyleIds.Caption,
        ParagraphStyle.Small => DocxStyleIds.Small,
        ParagraphStyle.Callout => DocxStyleIds.Callout,
        _ => null,
    };
}

using System.Text.RegularExpressions;
using Evidence.Rendering.Documents;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Block = Evidence.Rendering.Documents.Block;
using CodeBlock = Evidence.Rendering.Documents.CodeBlock;
using DocTable = Evidence.Rendering.Documents.Table;
using DocTableCell = Evidence.Rendering.Documents.TableCell;
using ListBlock = Evidence.Rendering.Documents.ListBlock;
using MdBlock = Markdig.Syntax.Block;
using MdTable = Markdig.Extensions.Tables.Table;
using ThematicBreak = Evidence.Rendering.Documents.ThematicBreak;

namespace Evidence.Rendering.Markdown;

/// <summary>
/// Converts the Markdown that templates render into the document model: CommonMark with pipe tables,
/// heading anchors (<c>{#anchor}</c>) and the extensions of docs/templates.md — page breaks, the cover
/// page, the table of contents, streamed evidence rows and the workspace's diagrams as figures.
/// </summary>
public sealed partial class MarkdownConverter(IRowsSource? rows = null, IFigureSource? figures = null)
{
    /// <summary>The Markdig pipeline: pipe tables (column widths from the dashes), front matter ignored, generic attributes last.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables(new PipeTableOptions { InferColumnWidthsFromSeparator = true })
        .UseYamlFrontMatter()
        .UseGenericAttributes()
        .Build();

    /// <summary>The document's blocks; throws <see cref="MarkdownException"/> (with the Markdown line) for anything the model cannot hold.</summary>
    public IReadOnlyList<Block> Convert(string markdown) => ConvertWithin(markdown, CancellationToken.None);

    /// <summary>As <see cref="Convert(string)"/>, checking <paramref name="cancellation"/> between blocks (<see cref="OperationCanceledException"/>).</summary>
    internal IReadOnlyList<Block> ConvertWithin(string markdown, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        cancellation.ThrowIfCancellationRequested();
        var state = new State(document, markdown, cancellation) { Figures = new FigureReader(figures) };
        var blocks = ConvertChildren(document, state, ParagraphStyle.Normal);
        foreach (var (link, line) in state.Links)
        {
            CheckLink(link, line, state.Anchors);
        }

        return blocks;
    }

    private List<Block> ConvertChildren(ContainerBlock container, State state, ParagraphStyle style)
    {
        var result = new List<Block>();
        string? caption = null;
        for (var i = 0; i < container.Count; i++)
        {
            state.Cancellation.ThrowIfCancellationRequested();
            var block = container[i];
            if (block is ParagraphBlock p && state.Source(p) is var text && text.StartsWith("Table: ", StringComparison.Ordinal) &&
                i + 1 < container.Count && container[i + 1] is MdTable)
            {
                caption = text["Table: ".Length..].Trim();
                continue;
            }

            if (block is ParagraphBlock { Inline.FirstChild: LinkInline { IsImage: true, NextSibling: null } image })
            {
                var captioned = i + 1 < container.Count && container[i + 1] is ParagraphBlock next && state.Source(next).StartsWith(FigureReader.Prefix, StringComparison.Ordinal)
                    ? (ParagraphBlock)container[++i]
                    : null;
                result.Add(state.Figures.Read(image, captioned, state.Links));
                caption = null;
                continue;
            }

            if (Convert(block, state, style) is { } converted)
            {
                result.AddRange(converted is DocTable table && caption is not null ? [table with { Caption = caption }] : [converted]);
            }

            caption = null;
        }

        return result;
    }

    private Block? Convert(MdBlock block, State state, ParagraphStyle style) => block switch
    {
        // Front matter is a code block to Markdig: skip it before code blocks are matched.
        YamlFrontMatterBlock => null,
        HeadingBlock heading => Heading(heading, state),
        ParagraphBlock paragraph => Paragraph(paragraph, state, style),
        QuoteBlock quote => Single(ConvertChildren(quote, state, ParagraphStyle.Callout), quote),
        Markdig.Syntax.ListBlock list => new ListBlock(list.IsOrdered, list.OfType<ListItemBlock>().Select(item => (IReadOnlyList<Block>)ConvertChildren(item, state, style)).ToList()),
        FencedCodeBlock fenced => Fenced(fenced),
        Markdig.Syntax.CodeBlock code => new CodeBlock(Lines(code.Lines)),
        ThematicBreakBlock => new ThematicBreak(),
        MdTable table => Table(table, state),
        HtmlBlock html => Html(html),
        LinkReferenceDefinitionGroup or BlankLineBlock => null,
        _ => throw new MarkdownException(block.Line + 1, $"unsupported Markdown block ({block.GetType().Name})"),
    };

    /// <summary>A blockquote holds callouts; several paragraphs in one quote stay separate blocks.</summary>
    private static Block? Single(List<Block> blocks, QuoteBlock quote) => blocks.Count switch
    {
        0 => null,
        1 => blocks[0],
        _ => throw new MarkdownException(quote.Line + 1, "a callout (> ...) holds one paragraph; start a new '>' block for the next one"),
    };

    private static Heading Heading(HeadingBlock heading, State state)
    {
        var content = new InlineConverter(state.Links).Convert(heading.Inline);
        var attributes = heading.TryGetAttributes();
        var anchor = attributes?.Id ?? state.Unique(Anchors.Slug(InlineText.Of(content)));
        if (attributes?.Id is { } id && !Anchors.IsValid(id))
        {
            throw new MarkdownException(heading.Line + 1, $"anchor '{id}' must be lower-case letters, digits and '-'");
        }

        return new Heading(heading.Level, content, anchor) { InOutline = attributes?.Classes?.Contains("unlisted") != true };
    }

    private static Block Paragraph(ParagraphBlock paragraph, State state, ParagraphStyle style)
    {
        var text = state.Source(paragraph);
        if (text == @"\pagebreak")
        {
            return new PageBreak();
        }

        if (TocPattern().Match(text) is { Success: true } toc)
        {
            return new TableOfContents(toc.Groups["level"].Success ? int.Parse(toc.Groups["level"].Value, System.Globalization.CultureInfo.InvariantCulture) : 3);
        }

        var small = text.StartsWith("<small>", StringComparison.Ordinal) && text.EndsWith("</small>", StringComparison.Ordinal);
        var content = new InlineConverter(state.Links).Convert(paragraph.Inline);
        return new Paragraph(content) { Style = small ? ParagraphStyle.Small : style };
    }

    private Block Fenced(FencedCodeBlock fenced)
    {
        var lines = LineList(fenced.Lines);
        return fenced.Info switch
        {
            "cover" => FencedBlockReader.Cover(lines, fenced.Line + 1),
            "rows" => (rows ?? throw new MarkdownException(fenced.Line + 1, "a ```rows block needs evidence to read rows from; there is none here"))
                .Table(FencedBlockReader.Rows(lines, fenced.Line + 1)),
            _ => new CodeBlock(string.Join('\n', lines)),
        };
    }

    private static DocTable Table(MdTable table, State state)
    {
        var tableRows = table.OfType<TableRow>().ToList();
        var header = tableRows.FirstOrDefault(r => r.IsHeader)
            ?? throw new MarkdownException(table.Line + 1, "a table needs a header row");
        var width = header.Count;
        var definitions = table.ColumnDefinitions;
        var columns = header.OfType<Markdig.Extensions.Tables.TableCell>().Select((cell, i) =>
        {
            var definition = i < definitions.Count ? definitions[i] : null;
            return new TableColumn(InlineText.Of(Cell(cell, state).Content))
            {
                Alignment = definition?.Alignment switch
                {
                    TableColumnAlign.Center => ColumnAlignment.Center,
                    TableColumnAlign.Right => ColumnAlignment.Right,
                    _ => ColumnAlignment.Left,
                },
                RelativeWidth = definition is { Width: > 0 } ? definition.Width : null,
            };
        }).ToList();
        var body = tableRows.Where(r => !r.IsHeader).Select(row =>
        {
            var cells = row.OfType<Markdig.Extensions.Tables.TableCell>().Take(width).Select(c => Cell(c, state)).ToList();
            while (cells.Count < width)
            {
                cells.Add(DocTableCell.Of(string.Empty));
            }

            return (IReadOnlyList<DocTableCell>)cells;
        }).ToList();
        return new DocTable(columns, body) { RowCount = body.Count };
    }

    private static DocTableCell Cell(Markdig.Extensions.Tables.TableCell cell, State state) =>
        new(cell.OfType<ParagraphBlock>().SelectMany(p => new InlineConverter(state.Links).Convert(p.Inline)).ToList());

    private static PageBreak? Html(HtmlBlock html)
    {
        var text = Lines(html.Lines).Trim();
        if (html.Type == HtmlBlockType.Comment)
        {
            return PageBreakComment().IsMatch(text) ? new PageBreak() : null;
        }

        throw new MarkdownException(html.Line + 1, $"HTML is not supported in documents ('{First(text)}'); use Markdown, or <!-- pagebreak --> for a new page");
    }

    private static void CheckLink(Link link, int line, HashSet<string> anchors)
    {
        if (link.IsInternal)
        {
            if (!anchors.Contains(link.Target[1..]))
            {
                throw new MarkdownException(line, $"a link points to '{link.Target}', but no heading has that anchor");
            }

            return;
        }

        if (!link.Target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) &&
            !link.Target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
            !link.Target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            throw new MarkdownException(line, $"a link to '{link.Target}': links may point to #anchors, http(s) addresses or mailto: only");
        }
    }

    private static string Lines(Markdig.Helpers.StringLineGroup lines) => string.Join('\n', LineList(lines));

    private static List<string> LineList(Markdig.Helpers.StringLineGroup lines)
    {
        var result = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            result.Add(lines.Lines[i].ToString());
        }

        return result;
    }

    private static string First(string text) => text.Split('\n')[0] is var line && line.Length > 40 ? line[..40] + "…" : text.Split('\n')[0];

    [GeneratedRegex(@"^\[\[toc(?:\s+(?<level>[1-6]))?\]\]$")]
    private static partial Regex TocPattern();

    [GeneratedRegex(@"^<!--\s*pagebreak\s*-->$", RegexOptions.IgnoreCase)]
    private static partial Regex PageBreakComment();

    /// <summary>Anchors in use and links to check, for one document.</summary>
    private sealed class State
    {
        private readonly string _markdown;

        public State(MarkdownDocument document, string markdown, CancellationToken cancellation)
        {
            _markdown = markdown;
            Cancellation = cancellation;
            // Explicit anchors first, so that a generated one never takes a name a template chose.
            foreach (var heading in document.Descendants<HeadingBlock>())
            {
                if (heading.TryGetAttributes()?.Id is { } id && !Anchors.Add(id))
                {
                    throw new MarkdownException(heading.Line + 1, $"anchor '{id}' is used by two headings; anchors must be unique");
                }
            }
        }

        public HashSet<string> Anchors { get; } = new(StringComparer.Ordinal);

        /// <summary>Reads the document's figures and numbers them.</summary>
        public required FigureReader Figures { get; init; }

        public CancellationToken Cancellation { get; }

        public List<(Link Link, int Line)> Links { get; } = [];

        /// <summary>A block's text as written (Markdig drops a paragraph's lines once it has parsed its inlines).</summary>
        public string Source(MdBlock block) => _markdown.Substring(block.Span.Start, block.Span.Length).Trim();

        public string Unique(string slug)
        {
            var candidate = slug;
            for (var n = 2; !Anchors.Add(candidate); n++)
            {
                candidate = $"{slug}-{n}";
            }

            return candidate;
        }
    }
}

using System.Text;
using Evidence.Core.Yaml;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Templates;

namespace Evidence.Rendering.Markdown;

/// <summary>
/// Writes a document as Markdown (the <c>md</c> format): the rendered templates, with the metadata and
/// attachment list as front matter and every <c>```rows</c> table written out in full, streamed. It
/// reads back into the same document model, so it is also a readable way to review what PDF and Word get.
/// </summary>
public sealed class MarkdownDocumentWriter : IDocumentWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string Extension => "md";

    public bool EmbedsAttachments => false;

    public void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new ControlCharacterFilter(new StreamWriter(output, Utf8, bufferSize: 1 << 16, leaveOpen: true)) { NewLine = "\n" };
        var state = new Progress(progress);
        FrontMatter(writer, document);
        foreach (var block in document.Blocks)
        {
            writer.WriteLine();
            Block(writer, block, string.Empty, state);
            state.Block();
        }

        writer.Flush();
        state.Report();
    }

    private static void FrontMatter(TextWriter w, Document document)
    {
        var info = document.Info;
        w.WriteLine("---");
        w.WriteLine($"title: {Yaml(info.Title)}");
        w.WriteLine($"system: {Yaml(info.SystemName)}");
        w.WriteLine($"author: {Yaml(info.Author)}");
        w.WriteLine($"subject: {Yaml(info.Subject)}");
        w.WriteLine($"keywords: [{string.Join(", ", info.Keywords.Select(Yaml))}]");
        w.WriteLine($"generated_at: {Timestamps.Format(info.GeneratedAt)}");
        w.WriteLine($"marking: {Yaml(info.Marking)}");
        if (info.CustomProperties.Count > 0)
        {
            w.WriteLine("properties:");
            foreach (var (key, value) in info.CustomProperties)
            {
                w.WriteLine($"  {key}: {Yaml(value)}");
            }
        }

        if (document.Attachments.Count > 0)
        {
            w.WriteLine("attachments:");
            foreach (var attachment in document.Attachments)
            {
                w.WriteLine($"  - name: {Yaml(attachment.Name)}");
                w.WriteLine($"    sha256: {attachment.Sha256}");
            }
        }

        w.WriteLine("---");
    }

    private static void Block(TextWriter w, Block block, string indent, Progress progress)
    {
        switch (block)
        {
            case Heading h:
                var unlisted = h.InOutline ? string.Empty : " .unlisted";
                w.WriteLine($"{indent}{new string('#', h.Level)} {Inlines(h.Content)} {{#{h.Anchor}{unlisted}}}");
                break;
            case Paragraph { Style: ParagraphStyle.Callout } p:
                w.WriteLine($"{indent}> {Inlines(p.Content)}");
                break;
            case Paragraph { Style: ParagraphStyle.Small } p:
                w.WriteLine($"{indent}<small>{Inlines(p.Content)}</small>");
                break;
            case Paragraph p:
                w.WriteLine($"{indent}{Inlines(p.Content)}");
                break;
            case ListBlock list:
                List(w, list, indent, progress);
                break;
            case CodeBlock code:
                var fence = new string('`', Math.Max(3, LongestBacktickRun(code.Text) + 1));
                w.WriteLine($"{indent}{fence}");
                foreach (var line in code.Text.Split('\n'))
                {
                    w.WriteLine($"{indent}{line}");
                }

                w.WriteLine($"{indent}{fence}");
                break;
            case ThematicBreak:
                w.WriteLine($"{indent}---");
                break;
            case PageBreak:
                w.WriteLine($"{indent}<!-- pagebreak -->");
                break;
            case TableOfContents toc:
                w.WriteLine($"{indent}[[toc {toc.MaxLevel}]]");
                break;
            case CoverPage cover:
                w.WriteLine($"{indent}```cover");
                w.WriteLine($"{indent}title: {cover.Title}");
                if (cover.Subtitle is not null)
                {
                    w.WriteLine($"{indent}subtitle: {cover.Subtitle}");
                }

                foreach (var (label, value) in cover.Lines)
                {
                    w.WriteLine($"{indent}{label}: {value}");
                }

                w.WriteLine($"{indent}```");
                break;
            case Table table:
                Table(w, table, indent, progress);
                break;
            case Figure figure:
                // The file as the workspace names it: the Markdown sits beside the other documents, the picture stays in the workspace.
                w.WriteLine($"{indent}![{TemplateHelpers.Md(figure.Alt)}](<{figure.Image.Source}>)");
                if (figure.Caption is { } caption)
                {
                    w.WriteLine();
                    w.WriteLine($"{indent}{FigureReader.Prefix} {TemplateHelpers.Md(caption)}");
                }

                break;
            default:
                throw new InvalidOperationException($"the Markdown writer does not know {block.GetType().Name}");
        }
    }

    private static void List(TextWriter w, ListBlock list, string indent, Progress progress)
    {
        for (var i = 0; i < list.Items.Count; i++)
        {
            var marker = list.Ordered ? $"{i + 1}. " : "- ";
            var inner = indent + new string(' ', marker.Length);
            var first = true;
            foreach (var block in list.Items[i])
            {
                using var buffer = new StringWriter { NewLine = "\n" };
                Block(buffer, block, inner, progress);
                var text = buffer.ToString();
                if (first)
                {
                    w.Write(indent + marker + text[inner.Length..]);
                    first = false;
                }
                else
                {
                    w.WriteLine();
                    w.Write(text);
                }
            }
        }
    }

    private static void Table(TextWriter w, Table table, string indent, Progress progress)
    {
        if (table.Caption is not null)
        {
            w.WriteLine($"{indent}Table: {table.Caption}");
            w.WriteLine();
        }

        w.WriteLine($"{indent}| {string.Join(" | ", table.Columns.Select(c => Cell(TemplateHelpers.Md(c.Header))))} |");
        w.WriteLine($"{indent}|{string.Join("|", table.Columns.Select(Separator))}|");
        foreach (var row in table.Rows)
        {
            w.WriteLine($"{indent}| {string.Join(" | ", row.Select(c => Cell(Inlines(c.Content, inCell: true))))} |");
            progress.Row();
        }
    }

    private static string Separator(TableColumn column) => column.Alignment switch
    {
        ColumnAlignment.Center => ":---:",
        ColumnAlignment.Right => "---:",
        _ => "---",
    };

    private static string Cell(string text) => text.Length == 0 ? " " : text;

    private static string Inlines(IReadOnlyList<Inline> inlines, bool inCell = false)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun run:
                    text.Append(Run(run));
                    break;
                case Link link:
                    text.Append('[').Append(Inlines(link.Content, inCell)).Append("](").Append(link.Target).Append(')');
                    break;
                case LineBreak:
                    text.Append(inCell ? "<br>" : "\\\n");
                    break;
                default:
                    throw new InvalidOperationException($"the Markdown writer does not know {inline.GetType().Name}");
            }
        }

        return text.ToString();
    }

    private static string Run(TextRun run)
    {
        var body = run.Code ? TemplateHelpers.Code(run.Text) : TemplateHelpers.Md(run.Text.Trim());
        if (body.Length == 0)
        {
            return run.Text.Length > 0 ? " " : string.Empty;
        }

        var marker = (run.Bold, run.Italic) switch
        {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            _ => string.Empty,
        };
        if (run.Code)
        {
            return marker + body + marker;
        }

        // Emphasis markers must touch the text, so spaces go outside them.
        var before = run.Text.Length > 0 && char.IsWhiteSpace(run.Text[0]) ? " " : string.Empty;
        var after = run.Text.Length > 0 && char.IsWhiteSpace(run.Text[^1]) ? " " : string.Empty;
        return before + marker + body + marker + after;
    }

    private static string Yaml(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings(" ") + "\"";

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private sealed class Progress(IProgress<RenderProgress>? sink)
    {
        private int _blocks;
        private long _rows;

        public void Block()
        {
            _blocks++;
            Report();
        }

        public void Row()
        {
            if (++_rows % 10_000 == 0)
            {
                Report();
            }
        }

        public void Report() => sink?.Report(new RenderProgress(_blocks, _rows, 0));
    }
}

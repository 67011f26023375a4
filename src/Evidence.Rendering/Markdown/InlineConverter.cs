using System.Text;
using Evidence.Rendering.Documents;
using Markdig.Syntax.Inlines;
using DocInline = Evidence.Rendering.Documents.Inline;
using MdInline = Markdig.Syntax.Inlines.Inline;

namespace Evidence.Rendering.Markdown;

/// <summary>Converts Markdig inlines to the document model: text with bold, italic and code, links, hard line breaks.</summary>
internal sealed class InlineConverter(List<(Link Link, int Line)> links)
{
    private readonly record struct Style(bool Bold, bool Italic);

    public IReadOnlyList<DocInline> Convert(ContainerInline? container)
    {
        var result = new List<DocInline>();
        if (container is not null)
        {
            Add(container, default, result);
        }

        return Merge(result);
    }

    private void Add(ContainerInline container, Style style, List<DocInline> output)
    {
        foreach (var inline in container)
        {
            Add(inline, style, output);
        }
    }

    private void Add(MdInline inline, Style style, List<DocInline> output)
    {
        switch (inline)
        {
            case LiteralInline literal:
                output.Add(Run(literal.Content.ToString(), style));
                break;
            case HtmlEntityInline entity:
                output.Add(Run(entity.Transcoded.ToString(), style));
                break;
            case CodeInline code:
                output.Add(new TextRun(code.Content) { Bold = style.Bold, Italic = style.Italic, Code = true });
                break;
            case LineBreakInline lineBreak:
                output.Add(lineBreak.IsHard ? new LineBreak() : Run(" ", style));
                break;
            case EmphasisInline emphasis:
                var inner = emphasis.DelimiterChar is '*' or '_'
                    ? emphasis.DelimiterCount >= 2 ? style with { Bold = true } : style with { Italic = true }
                    : style;
                Add(emphasis, inner, output);
                break;
            case LinkInline { IsImage: true } image:
                throw new MarkdownException(image.Line + 1, $"the image '{image.Url}' is inside text; an image is a paragraph of its own, ![what it shows](file), with its caption after it as 'Figure: caption'");
            case LinkInline link:
                var content = new List<DocInline>();
                Add(link, style, content);
                var converted = new Link(link.Url ?? string.Empty, Merge(content));
                links.Add((converted, link.Line + 1));
                output.Add(converted);
                break;
            case AutolinkInline autolink:
                var target = autolink.IsEmail ? $"mailto:{autolink.Url}" : autolink.Url;
                output.Add(new Link(target, [Run(autolink.Url, style)]));
                break;
            case HtmlInline html when IsLineBreak(html.Tag):
                output.Add(new LineBreak());
                break;
            case HtmlInline html when IsSmall(html.Tag):
                break;
            case HtmlInline html:
                throw new MarkdownException(html.Line + 1, $"inline HTML '{html.Tag}' is not supported; use Markdown (docs/templates.md lists what documents can hold)");
            case ContainerInline other:
                Add(other, style, output);
                break;
            default:
                throw new MarkdownException(inline.Line + 1, $"unsupported Markdown inline ({inline.GetType().Name})");
        }
    }

    public static bool IsSmall(string tag) => tag.Replace(" ", string.Empty, StringComparison.Ordinal) is "<small>" or "</small>";

    private static bool IsLineBreak(string tag) => tag.Replace(" ", string.Empty, StringComparison.Ordinal) is "<br>" or "<br/>";

    private static TextRun Run(string text, Style style) => new(text) { Bold = style.Bold, Italic = style.Italic };

    /// <summary>
    /// Joins neighbouring runs of the same style (Markdig splits text at every escape and entity). Each group
    /// is joined once: appending run by run would copy the text so far each time, quadratic in a long paragraph.
    /// </summary>
    private static List<DocInline> Merge(List<DocInline> inlines)
    {
        var merged = new List<DocInline>(inlines.Count);
        var text = new StringBuilder();
        for (var i = 0; i < inlines.Count; i++)
        {
            if (inlines[i] is not TextRun first)
            {
                merged.Add(inlines[i]);
                continue;
            }

            var end = i + 1;
            while (end < inlines.Count && inlines[end] is TextRun next && SameStyle(first, next))
            {
                end++;
            }

            if (end == i + 1)
            {
                merged.Add(first);
                continue;
            }

            text.Clear();
            for (var j = i; j < end; j++)
            {
                text.Append(((TextRun)inlines[j]).Text);
            }

            merged.Add(first with { Text = text.ToString() });
            i = end - 1;
        }

        return merged;
    }

    private static bool SameStyle(TextRun a, TextRun b) => a.Bold == b.Bold && a.Italic == b.Italic && a.Code == b.Code;
}

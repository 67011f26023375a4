using Evidence.Rendering.Documents;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Evidence.Rendering.Markdown;

/// <summary>
/// Reads a paragraph that is one image, <c>![alt](file)</c>, and the <c>Figure: caption</c> paragraph after it,
/// if any, into a figure: its picture from <paramref name="figures"/>, numbered in its document when it has a caption.
/// </summary>
internal sealed class FigureReader(IFigureSource? figures)
{
    /// <summary>What starts a figure's caption, in the paragraph right after its image.</summary>
    public const string Prefix = "Figure:";

    private int captioned;

    public Figure Read(LinkInline image, ParagraphBlock? caption, List<(Link Link, int Line)> links)
    {
        var line = image.Line + 1;
        var alt = InlineText.Of(new InlineConverter(links).Convert(image)).Trim();
        if (alt.Length == 0)
        {
            throw new MarkdownException(line, $"the image '{image.Url}' has no alternative text; write what it shows between the brackets: ![what it shows]({image.Url})");
        }

        var source = figures ?? throw new MarkdownException(line, $"the image '{image.Url}' cannot be shown here: this document has no diagrams to draw from");
        var picture = source.Image(image.Url ?? string.Empty, line);
        if (caption is null)
        {
            return new Figure(picture, alt);
        }

        var text = InlineText.Of(new InlineConverter(links).Convert(caption.Inline)).Trim()[Prefix.Length..].Trim();
        if (text.Length == 0)
        {
            throw new MarkdownException(caption.Line + 1, $"the caption of the image '{image.Url}' is empty; write it after '{Prefix}', or leave the line out");
        }

        return new Figure(picture, alt) { Caption = text, Number = ++captioned };
    }
}

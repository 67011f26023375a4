using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Layout.Tables;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Lays out blocks front to back, each by the renderer for its kind.</summary>
internal sealed class BlockRenderer
{
    private readonly LayoutContext context;
    private readonly HeadingRenderer headings;
    private readonly ParagraphRenderer paragraphs;
    private readonly ListRenderer lists;
    private readonly CodeBlockRenderer code;
    private readonly TableRenderer tables;
    private readonly TocRenderer toc;
    private readonly CoverRenderer cover;
    private readonly FigureRenderer figures;

    public BlockRenderer(LayoutContext context)
    {
        this.context = context;
        headings = new HeadingRenderer(context);
        paragraphs = new ParagraphRenderer(context);
        lists = new ListRenderer(context);
        code = new CodeBlockRenderer(context, paragraphs);
        tables = new TableRenderer(context, paragraphs);
        toc = new TocRenderer(context);
        cover = new CoverRenderer(context);
        figures = new FigureRenderer(context, paragraphs);
    }

    public void Render(Block block)
    {
        context.Progress.Block();
        switch (block)
        {
            case Heading heading:
                headings.Render(heading);
                break;
            case Paragraph paragraph:
                paragraphs.Render(paragraph);
                break;
            case ListBlock list:
                lists.Render(list, Render);
                break;
            case CodeBlock codeBlock:
                code.Render(codeBlock);
                break;
            case Table table:
                tables.Render(table);
                break;
            case TableOfContents contents:
                toc.Render(contents);
                break;
            case Figure figure:
                figures.Render(figure);
                break;
            case CoverPage coverPage:
                cover.Render(coverPage);
                break;
            case ThematicBreak:
                Rule();
                break;
            case PageBreak:
                context.Flow.RequestSectionBreak();
                break;
        }
    }

    private void Rule()
    {
        var flow = context.Flow;
        flow.EnsureSpace(12);
        flow.Canvas?.DrawLine(context.Palette.Rule, flow.Left, flow.Y + 6, flow.Left + flow.Width, flow.Y + 6);
        flow.Y += 12;
    }
}

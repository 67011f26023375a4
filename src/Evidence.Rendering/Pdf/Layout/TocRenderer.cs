using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// The table of contents. Its entries are known before layout, so they are laid out in place; the
/// dot leaders and page numbers are drawn when the document is finished and every heading's page
/// is known.
/// </summary>
internal sealed class TocRenderer(LayoutContext context)
{
    public const double NumberColumn = 40;
    private const double TitleSize = 16;
    private const double LevelIndent = 14;

    private readonly StyledText text = new();
    private readonly List<TextLine> lines = [];

    public void Render(TableOfContents toc)
    {
        var entries = context.Headings.Where(h => h.InOutline && h.Level <= toc.MaxLevel).ToList();
        var flow = context.Flow;
        var topLevel = entries.Count == 0 ? 1 : entries.Min(e => e.Level);
        var entryMetrics = LineMetrics.For(context.Fonts, Typography.BodySize, 1.45);

        var titleMetrics = LineMetrics.For(context.Fonts, TitleSize, 1.25);
        flow.EnsureSpace(titleMetrics.Height + 8 + entryMetrics.Height);
        flow.Tags.Begin("P");
        context.Painter.DrawPlain(flow.Canvas, flow.PageIndex, "Contents", FontFace.Bold, TitleSize, flow.Left, flow.Y + titleMetrics.Baseline, context.Palette.Text);
        flow.Tags.End();
        flow.Y += titleMetrics.Height + 8;
        flow.Tags.Begin("TOC", holdsContent: false);

        foreach (var entry in entries)
        {
            var bold = entry.Level == topLevel;
            var indent = (entry.Level - topLevel) * LevelIndent;
            text.Reset(Typography.BodySize);
            text.Append(entry.Title, bold ? FontFace.Bold : FontFace.Regular);
            text.Measure(context.Fonts);
            LineBreaker.Break(text.Chars, text.Widths, flow.Width - indent - NumberColumn - 12, lines);

            var height = lines.Count * entryMetrics.Height;
            flow.AddSpace(bold && entry.Ordinal != entries[0].Ordinal ? 3 : 0);
            flow.EnsureSpace(height);
            var x = flow.Left + indent;
            var top = flow.Y;
            // The entry's text is its link's text: TOCI > Link, which also points at the entry's annotation.
            flow.Tags.Begin("TOCI", holdsContent: false);
            var item = flow.Tags.Begin("Link");
            foreach (var line in lines)
            {
                context.Painter.Draw(flow, text, line, x, flow.Y + entryMetrics.Baseline, context.Palette.Text);
                flow.Y += entryMetrics.Height;
            }

            flow.Tags.End();
            flow.Tags.End();

            var baseline = flow.Y - entryMetrics.Height + entryMetrics.Baseline;
            var area = new XRect(x, top, flow.Left + flow.Width - x, height);
            context.Map.TocLines.Add(new TocLine(entry.Ordinal, flow.PageIndex, area, baseline, x + lines[^1].Width + 4, bold, item.Id));
        }

        flow.Tags.End();

        flow.AddSpace(Typography.ParagraphSpacing * 2);
    }
}

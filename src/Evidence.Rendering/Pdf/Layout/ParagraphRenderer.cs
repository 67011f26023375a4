using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Paragraphs in their four styles; the first line also carries a waiting list marker.</summary>
internal sealed class ParagraphRenderer(LayoutContext context)
{
    private const double CalloutInset = 8;
    private const double CalloutPadding = 3;

    private readonly StyledText text = new();
    private readonly List<TextLine> lines = [];

    /// <param name="paragraph">The paragraph.</param>
    /// <param name="role">Its structure type: <c>P</c>, or <c>Caption</c> for a table's caption.</param>
    public void Render(Paragraph paragraph, string role = "P")
    {
        var (size, face, brush) = paragraph.Style switch
        {
            ParagraphStyle.Caption => (Typography.CaptionSize, FontFace.Italic, context.Palette.Muted),
            ParagraphStyle.Small => (Typography.SmallSize, FontFace.Regular, context.Palette.Muted),
            ParagraphStyle.Callout => (Typography.BodySize, FontFace.Bold, context.Palette.Text),
            _ => (Typography.BodySize, FontFace.Regular, context.Palette.Text),
        };
        text.Reset(size);
        InlineFlattener.Flatten(paragraph.Content, text, face);
        if (text.Length == 0)
        {
            return;
        }

        text.Measure(context.Fonts);
        var flow = context.Flow;
        var callout = paragraph.Style == ParagraphStyle.Callout;
        var inset = callout ? CalloutInset : 0;
        LineBreaker.Break(text.Chars, text.Widths, flow.Width - (2 * inset), lines);
        var metrics = LineMetrics.For(context.Fonts, size, Typography.BodyLeading);

        flow.Tags.Begin(role);
        for (var i = 0; i < lines.Count; i++)
        {
            // Two lines together at the start and the end: no lone first or last line on a page.
            var keep = i == 0 || i == lines.Count - 2 ? Math.Min(2, lines.Count - i) : 1;
            var padTop = callout && i == 0 ? CalloutPadding : 0;
            var padBottom = callout && i == lines.Count - 1 ? CalloutPadding : 0;
            flow.EnsureSpace((keep * metrics.Height) + padTop + padBottom);
            if (callout)
            {
                var height = metrics.Height + padTop + padBottom;
                flow.Canvas?.DrawRectangle(context.Palette.CalloutFill, flow.Left, flow.Y, flow.Width, height);
                flow.Canvas?.DrawRectangle(context.Palette.CalloutBar, flow.Left, flow.Y, 2.5, height);
                flow.Y += padTop;
            }

            var baseline = flow.Y + metrics.Baseline;
            DrawMarker(flow, baseline);
            context.Painter.Draw(flow, text, lines[i], flow.Left + inset, baseline, brush);
            flow.Y += metrics.Height + padBottom;
        }

        flow.Tags.End();
        flow.AddSpace(flow.Left > flow.Geometry.Left ? 3 : Typography.ParagraphSpacing);
    }

    /// <summary>Draws a waiting list marker, right-aligned in the indentation, on <paramref name="baseline"/>.</summary>
    public void DrawMarker(PageFlow flow, double baseline)
    {
        if (flow.Marker is not { } marker)
        {
            return;
        }

        flow.Marker = null;
        var width = context.Painter.Measure(marker, FontFace.Regular, Typography.BodySize);
        var x = flow.Left - width - 4;
        context.Painter.DrawPlain(flow.Canvas, flow.PageIndex, marker, FontFace.Regular, Typography.BodySize, x, baseline, context.Palette.Text);
    }
}

using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Preformatted text on a shaded band: indentation kept, long lines wrapped rather than cut.</summary>
internal sealed class CodeBlockRenderer(LayoutContext context, ParagraphRenderer markers)
{
    private const double Padding = 4;

    private readonly StyledText text = new();
    private readonly List<TextLine> lines = [];

    public void Render(CodeBlock code)
    {
        text.Reset(Typography.CodeSize, preformatted: true);
        text.Append(code.Text.TrimEnd('\r', '\n'), FontFace.Mono);
        text.Measure(context.Fonts);
        var flow = context.Flow;
        LineBreaker.Break(text.Chars, text.Widths, flow.Width - (2 * Padding), lines);
        var metrics = LineMetrics.For(context.Fonts, Typography.CodeSize, Typography.CodeLeading);

        flow.Tags.Begin("P");
        for (var i = 0; i < lines.Count; i++)
        {
            var first = i == 0;
            var last = i == lines.Count - 1;
            var height = metrics.Height + (first ? Padding : 0) + (last ? Padding : 0);
            flow.EnsureSpace(height);
            flow.Canvas?.DrawRectangle(context.Palette.CodeFill, flow.Left, flow.Y, flow.Width, height);
            if (first)
            {
                flow.Y += Padding;
            }

            var baseline = flow.Y + metrics.Baseline;
            markers.DrawMarker(flow, baseline);
            context.Painter.Draw(flow, text, lines[i], flow.Left + Padding, baseline, context.Palette.Text);
            flow.Y += metrics.Height + (last ? Padding : 0);
        }

        flow.Tags.End();

        flow.AddSpace(Typography.ParagraphSpacing);
    }
}

using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;
using Evidence.Rendering.Theme;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>The cover: title, subtitle and labelled lines on a page of their own.</summary>
internal sealed class CoverRenderer(LayoutContext context)
{
    private const double TitleSize = DocumentTheme.TitleSize;
    private const double SubtitleSize = DocumentTheme.SubtitleSize;
    private const double LineSize = DocumentTheme.CoverLineSize;
    private const double LabelWidth = 130;

    private readonly StyledText text = new();
    private readonly List<TextLine> lines = [];

    public void Render(CoverPage cover)
    {
        var flow = context.Flow;
        flow.RequestPageBreak();
        flow.EnsureSpace(0);
        flow.Y = flow.Geometry.BodyTop + 150;

        flow.Tags.Begin("H1");
        Write(cover.Title, FontFace.Bold, TitleSize, flow.Left, flow.Width, context.Palette.Text);
        flow.Tags.End();
        if (!string.IsNullOrWhiteSpace(cover.Subtitle))
        {
            flow.Y += 4;
            flow.Tags.Begin("P");
            Write(cover.Subtitle, FontFace.Regular, SubtitleSize, flow.Left, flow.Width, context.Palette.Muted);
            flow.Tags.End();
        }

        flow.Y += 14;
        flow.Canvas?.DrawLine(context.Palette.Heading, flow.Left, flow.Y, flow.Left + flow.Width, flow.Y);
        flow.Y += 16;

        foreach (var (label, value) in cover.Lines)
        {
            var top = flow.Y;
            flow.Tags.Begin("P");
            Write(label, FontFace.Bold, LineSize, flow.Left, LabelWidth - 10, context.Palette.Muted);
            var labelBottom = flow.Y;
            flow.Y = top;
            Write(value, FontFace.Regular, LineSize, flow.Left + LabelWidth, flow.Width - LabelWidth, context.Palette.Text);
            flow.Tags.End();
            flow.Y = Math.Max(flow.Y, labelBottom) + 4;
        }

        flow.RequestPageBreak();
    }

    private void Write(string value, FontFace face, double size, double x, double width, XBrush brush)
    {
        var flow = context.Flow;
        text.Reset(size);
        text.Append(value, face);
        text.Measure(context.Fonts);
        LineBreaker.Break(text.Chars, text.Widths, width, lines);
        var metrics = LineMetrics.For(context.Fonts, size, 1.25);
        foreach (var line in lines)
        {
            flow.EnsureSpace(metrics.Height);
            context.Painter.Draw(flow, text, line, x, flow.Y + metrics.Baseline, brush);
            flow.Y += metrics.Height;
        }
    }
}

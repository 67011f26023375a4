using Evidence.Rendering.Documents;
using Evidence.Rendering.Theme;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// A picture, centred and shrunk to fit the text width (never split: it moves to the next page with its
/// caption's first lines), tagged as a Figure whose /Alt is the figure's alternative text, and its caption under it.
/// </summary>
internal sealed class FigureRenderer(LayoutContext context, ParagraphRenderer paragraphs)
{
    public void Render(Figure figure)
    {
        var flow = context.Flow;
        var (width, height) = figure.Image.FitWithin(flow.Width, DocumentTheme.FigureMaxHeight);
        var caption = figure.CaptionText is null
            ? 0
            : DocumentTheme.FigureCaptionGap + (LineMetrics.For(context.Fonts, Typography.CaptionSize, Typography.BodyLeading).Height * KeepRules.LinesAfterLabel);
        flow.EnsureSpace(height + caption);

        flow.Tags.SetAlt(flow.Tags.Begin("Figure"), figure.Alt);
        if (flow.Canvas is { } canvas)
        {
            flow.Tags.Mark(canvas);
            using var stream = new MemoryStream(figure.Image.Bytes.ToArray(), writable: false);
            try
            {
                using var image = XImage.FromStream(stream);
                canvas.DrawImage(image, flow.Left + ((flow.Width - width) / 2), flow.Y, width, height);
            }
            catch (InvalidOperationException e)
            {
                // The header checks (ImageHeader) refuse what PDFsharp is known not to decode; this is for what they cannot foresee.
                throw PdfRenderException.FigureUndrawable(figure.Image.Source, e);
            }
        }

        flow.Tags.End();
        flow.Y += height;
        if (figure.CaptionText is { } text)
        {
            flow.Y += DocumentTheme.FigureCaptionGap;
            paragraphs.Render(new Paragraph([new TextRun(text)]) { Style = ParagraphStyle.Caption }, "Caption");
        }
        else
        {
            flow.AddSpace(Typography.ParagraphSpacing);
        }
    }
}

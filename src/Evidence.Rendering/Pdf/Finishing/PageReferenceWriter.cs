using Evidence.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>Draws the page each internal link points to after its text, once every heading's page is known.</summary>
internal static class PageReferenceWriter
{
    public static void Write(PdfDocument document, TextPainter painter, DocumentMap map)
    {
        foreach (var onPage in map.PageReferences.GroupBy(r => r.PageIndex))
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[onPage.Key], XGraphicsPdfPageOptions.Append);
            foreach (var reference in onPage)
            {
                if (map.Anchor(reference.Target) is { } heading)
                {
                    // Where punctuation follows ("(p. 28)."), set to the right of the room left for it, so that the stop is not set
                    // off by the digits the number did not need; a number wider than the room (over 999) starts where the room does.
                    var text = PageReference.Text(heading.PageIndex);
                    var slack = reference.AlignEnd
                        ? painter.Measure(PageReference.Placeholder, reference.Face, reference.Size) - painter.Measure(text, reference.Face, reference.Size)
                        : 0;
                    painter.DrawPlain(graphics, onPage.Key, text, reference.Face, reference.Size, reference.X + Math.Max(0, slack), reference.Baseline, painter.Palette.Link);
                }
            }
        }
    }
}

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
                    painter.DrawPlain(graphics, onPage.Key, PageReference.Text(heading.PageIndex), reference.Face, reference.Size, reference.X, reference.Baseline, painter.Palette.Link);
                }
            }
        }
    }
}

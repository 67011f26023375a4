using Evidence.Rendering.Pdf.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Annotations;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Link annotations: internal links and TOC entries jump to their heading's page and position,
/// external links open their URL. A link to an anchor no heading has stays plain text.
/// </summary>
internal sealed class LinkWriter(PdfDocument document, PageGeometry geometry, DateTime generatedAt)
{
    private int count;

    /// <summary>Each annotation written, with the structure element its text was drawn in (-1 for none).</summary>
    public List<(PdfAnnotation Annotation, int Node)> Written { get; } = [];

    public void Write(DocumentMap map)
    {
        foreach (var link in map.Links)
        {
            if (!link.Target.StartsWith('#'))
            {
                Stamp(document.Pages[link.PageIndex].AddWebLink(Rectangle(link.Area), link.Target), link.Node);
            }
            else if (map.Anchor(link.Target) is { } heading)
            {
                GoTo(link.PageIndex, link.Area, heading, link.Node);
            }
        }

        foreach (var line in map.TocLines)
        {
            if (map.Heading(line.HeadingOrdinal) is { } heading)
            {
                GoTo(line.PageIndex, line.Area, heading, line.Node);
            }
        }
    }

    private void GoTo(int pageIndex, XRect area, HeadingPlace heading, int node)
    {
        var top = Math.Round(geometry.Height - heading.Y, 2);
        Stamp(document.Pages[pageIndex].AddDocumentLink(Rectangle(area), heading.PageIndex + 1, new XPoint(0, top)), node);
    }

    // PDFsharp names each annotation with a fresh GUID and stamps it with the clock; both would
    // make every write differ. PDF/A wants every annotation printable (flag 4).
    private void Stamp(PdfAnnotation annotation, int node)
    {
        annotation.Elements.SetString(PdfAnnotation.Keys.NM, "link-" + (++count).ToString(System.Globalization.CultureInfo.InvariantCulture));
        annotation.Elements.SetDateTime(PdfAnnotation.Keys.M, generatedAt);
        annotation.Elements.SetInteger(PdfAnnotation.Keys.F, 4);
        Written.Add((annotation, node));
    }

    private PdfRectangle Rectangle(XRect area) =>
        new(new XRect(area.X, geometry.Height - area.Bottom, area.Width, area.Height));
}

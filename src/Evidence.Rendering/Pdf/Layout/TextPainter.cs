using Evidence.Rendering.Pdf.Tagging;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>Draws broken lines of a <see cref="StyledText"/>, one string per face change, and records where links are.</summary>
internal sealed class TextPainter(PdfFonts fonts, Palette palette, DocumentMap map, StructureTagger tags)
{
    private static readonly XStringFormat Baseline = XStringFormats.BaseLineLeft;

    public PdfFonts Fonts => fonts;

    public Palette Palette => palette;

    /// <summary>Draws <paramref name="line"/> with its left end at <paramref name="x"/> and its baseline at <paramref name="baseline"/>.</summary>
    public void Draw(PageFlow flow, StyledText text, TextLine line, double x, double baseline, XBrush brush)
    {
        if (line.IsEmpty)
        {
            return;
        }

        var chars = text.Chars;
        var widths = text.Widths;
        var cursor = x;
        foreach (var span in text.Spans)
        {
            var start = Math.Max(span.Start, line.Start);
            var end = Math.Min(span.End, line.End);
            if (start >= end)
            {
                continue;
            }

            double width = 0;
            for (var i = start; i < end; i++)
            {
                width += widths[i];
            }

            var linked = span.Link >= 0;
            if (linked && text.Links[span.Link] is var target && target.StartsWith(PageReference.Marker, StringComparison.Ordinal))
            {
                // Room for "(p. 42)": drawn when the document is finished, clickable like the link it follows.
                var anchor = target[PageReference.Marker.Length..];
                var ascentOfReference = fonts.Widths(span.Face).Ascent * text.Size;
                map.PageReferences.Add(new PageReference(flow.PageIndex, cursor, baseline, span.Face, text.Size, anchor));
                map.Links.Add(new LinkArea(flow.PageIndex, new XRect(cursor, baseline - ascentOfReference, width, text.Size * 1.2), anchor, flow.Tags.Owner?.Id ?? -1));
                cursor += width;
                continue;
            }

            if (linked)
            {
                var ascent = fonts.Widths(span.Face).Ascent * text.Size;
                var area = new XRect(cursor, baseline - ascent, width, text.Size * 1.2);
                map.Links.Add(new LinkArea(flow.PageIndex, area, text.Links[span.Link], flow.Tags.Owner?.Id ?? -1));
            }

            var font = fonts.Font(span.Face, text.Size);
            tags.Mark(flow.Graphics);
            flow.Graphics.DrawString(new string(chars[start..end]), font, linked ? palette.Link : brush, new XRect(cursor, baseline, 0, 0), Baseline);
            cursor += width;
        }
    }

    /// <summary>Draws a plain string in one face (running header, markers, page numbers).</summary>
    public void DrawPlain(XGraphics graphics, string text, FontFace face, double size, double x, double baseline, XBrush brush)
    {
        tags.Mark(graphics);
        graphics.DrawString(text, fonts.Font(face, size), brush, new XRect(x, baseline, 0, 0), Baseline);
    }

    /// <summary>The width of a plain string in one face.</summary>
    public double Measure(string text, FontFace face, double size) => fonts.Widths(face).Of(text, size);
}

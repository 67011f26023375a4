using System.Globalization;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Layout;
using Evidence.Rendering.Pdf.Tagging;
using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Draws what needs the finished page count or every heading's page: the running header (system,
/// title, marking) and footer (generated-at, "Page X of Y") on every page, and the TOC's dot
/// leaders and page numbers. Each page is visited once, after layout.
/// </summary>
internal sealed class PageDecorator(PdfDocument document, TextPainter painter, PageGeometry geometry, DocumentFingerprint fingerprint, FallbackTextWriter fallback, MarkedContent marked)
{
    private const double Size = Typography.RunningSize;

    public void Decorate(DocumentInfo info, DocumentMap map)
    {
        // A character no font has in the running header is reported there, not in the document's last section.
        painter.Fonts.Fallback.Section = "running header";
        var toc = map.TocLines.ToLookup(line => line.PageIndex);
        var glyphs = painter.Fonts.Widths(FontFace.Regular);
        var headerBaseline = geometry.Top + (glyphs.Ascent * Size);
        var footerBaseline = geometry.Bottom - (glyphs.Descent * Size);
        var marking = info.Marking;
        var markingWidth = painter.Measure(marking, FontFace.Bold, Size);
        var title = Fit(info.SystemName + " \u2014 " + info.Title, geometry.ContentWidth - markingWidth - 24);
        var generated = "Generated " + info.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        var total = document.PageCount.ToString(CultureInfo.InvariantCulture);
        var palette = painter.Palette;
        fallback.Prepare([title, marking]);

        for (var i = 0; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using (var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                painter.DrawPlain(graphics, i, title, FontFace.Regular, Size, geometry.Left, headerBaseline, palette.Muted);
                painter.DrawPlain(graphics, i, marking, FontFace.Bold, Size, geometry.Right - markingWidth, headerBaseline, palette.Marking);
                graphics.DrawLine(palette.Rule, geometry.Left, geometry.Top + 13, geometry.Right, geometry.Top + 13);

                graphics.DrawLine(palette.Rule, geometry.Left, geometry.Bottom - 14, geometry.Right, geometry.Bottom - 14);
                painter.DrawPlain(graphics, i, generated, FontFace.Regular, Size, geometry.Left, footerBaseline, palette.Muted);
                var number = "Page " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + total;
                var numberWidth = painter.Measure(number, FontFace.Regular, Size);
                painter.DrawPlain(graphics, i, number, FontFace.Regular, Size, geometry.Right - numberWidth, footerBaseline, palette.Muted);

                foreach (var line in toc[i])
                {
                    DrawTocNumber(graphics, i, line, map);
                }

                fallback.Draw(graphics, i);
            }

            var index = i;
            fingerprint.Seal(page, content => marked.Rewrite(content, index));
        }
    }

    private void DrawTocNumber(XGraphics graphics, int pageIndex, TocLine line, DocumentMap map)
    {
        if (map.Heading(line.HeadingOrdinal) is not { } heading)
        {
            return;
        }

        var face = line.Bold ? FontFace.Bold : FontFace.Regular;
        var number = (heading.PageIndex + 1).ToString(CultureInfo.InvariantCulture);
        var numberX = line.Area.Right - painter.Measure(number, face, Typography.BodySize);
        painter.DrawPlain(graphics, pageIndex, number, face, Typography.BodySize, numberX, line.Baseline, painter.Palette.Text);

        // Dots on a common grid, so the leaders of all entries line up.
        var dot = painter.Measure(". ", FontFace.Regular, Typography.BodySize);
        var start = Math.Ceiling(line.LeaderStart / dot) * dot;
        var count = (int)((numberX - 4 - start) / dot);
        if (count > 0)
        {
            var dots = string.Join(' ', Enumerable.Repeat('.', count));
            painter.DrawPlain(graphics, pageIndex, dots, FontFace.Regular, Typography.BodySize, start, line.Baseline, painter.Palette.Muted);
        }
    }

    // Shortens text that would run into the marking, ending it with an ellipsis.
    private string Fit(string text, double width)
    {
        if (painter.Measure(text, FontFace.Regular, Size) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 1 && painter.Measure(string.Concat(text.AsSpan(0, length), "\u2026"), FontFace.Regular, Size) > width)
        {
            length--;
        }

        return string.Concat(text.AsSpan(0, length).TrimEnd(), "\u2026");
    }
}

using Evidence.Rendering.Pdf.Layout;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>Bookmarks that mirror the outline headings, nested by level (a skipped level nests under the nearest shallower heading).</summary>
internal static class OutlineWriter
{
    public static void Write(PdfDocument document, DocumentMap map, PageGeometry geometry)
    {
        var open = new Stack<(int Level, PdfOutline Outline)>();
        foreach (var heading in map.Headings.Where(h => h.InOutline))
        {
            while (open.Count > 0 && open.Peek().Level >= heading.Level)
            {
                open.Pop();
            }

            var siblings = open.Count > 0 ? open.Peek().Outline.Outlines : document.Outlines;
            var outline = siblings.Add(heading.Title, document.Pages[heading.PageIndex], opened: open.Count == 0);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Left = 0;
            outline.Top = Math.Round(geometry.Height - heading.Y, 2);
            open.Push((heading.Level, outline));
        }

        if (map.Headings.Any(h => h.InOutline))
        {
            document.PageMode = PdfPageMode.UseOutlines;
        }
    }
}

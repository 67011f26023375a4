using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// Every heading of the document in the order the layout will meet them (list items included), so
/// a TOC at the front knows its entries before the pages they point to exist.
/// </summary>
internal static class HeadingIndex
{
    public static IReadOnlyList<HeadingEntry> Collect(IReadOnlyList<Block> blocks)
    {
        var entries = new List<HeadingEntry>();
        Walk(blocks, entries);
        return entries;
    }

    private static void Walk(IReadOnlyList<Block> blocks, List<HeadingEntry> entries)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    entries.Add(new HeadingEntry(entries.Count, heading.Level, InlineFlattener.Plain(heading.Content), heading.InOutline));
                    break;
                case ListBlock list:
                    foreach (var item in list.Items)
                    {
                        Walk(item, entries);
                    }

                    break;
            }
        }
    }
}

using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// Every heading of the document in the order the layout will meet them (list items included), so
/// a TOC at the front knows its entries before the pages they point to exist.
/// </summary>
internal static class HeadingIndex
{
    public static IReadOnlyList<HeadingEntry> Collect(IReadOnlyList<Block> blocks) =>
        [.. BlockWalk.Headings(blocks).Select((heading, ordinal) => new HeadingEntry(ordinal, heading.Level, InlineText.Of(heading.Content).Trim(), heading.InOutline))];
}

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// The page-break decisions of the layout, in one place: what must stay together, and when a break
/// asked for is worth a new page. Block renderers ask these rules instead of deciding for themselves.
/// </summary>
internal static class KeepRules
{
    /// <summary>Lines (or table rows) of what follows that a heading, caption or label keeps on its page.</summary>
    public const int LinesAfterLabel = 2;

    /// <summary>
    /// Whether a forced page break starts a new page, given how much of the page's body is used: not on an
    /// empty page (a blank page says nothing), and not on a page less than half full, whose empty half
    /// would cost more paper than the break gains in clarity.
    /// </summary>
    public static bool HonoursPageBreak(double used, double bodyHeight) => used > 0.001 && used >= bodyHeight / 2;

    /// <summary>
    /// The room a table needs below its header before it starts: its first <see cref="LinesAfterLabel"/> rows
    /// (estimated from the first; all of them when the table has fewer), but never more than a third of a page,
    /// so a table of tall rows does not push its caption to a new page for nothing.
    /// </summary>
    public static double OpeningRows(double firstRowHeight, long? rowCount, double bodyHeight) =>
        Math.Min(firstRowHeight * Math.Clamp(rowCount ?? LinesAfterLabel, 1, LinesAfterLabel), bodyHeight / 3);
}

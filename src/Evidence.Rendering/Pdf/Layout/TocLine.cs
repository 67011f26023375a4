using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// A TOC entry as laid out: its page and area, and where its dot leader starts on the baseline of
/// its last line. The page number itself is drawn at the end, when the heading's page is known.
/// <c>Node</c> is the structure element (TOCI) the entry was drawn in; -1 when none.
/// </summary>
internal sealed record TocLine(int HeadingOrdinal, int PageIndex, XRect Area, double Baseline, double LeaderStart, bool Bold, int Node = -1);

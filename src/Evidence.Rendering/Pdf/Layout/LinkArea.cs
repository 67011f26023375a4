using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// A clickable area: linked text on page <see cref="PageIndex"/> (0-based), in page coordinates from
/// the top, drawn inside structure element <see cref="Node"/> (-1 when none).
/// </summary>
internal sealed record LinkArea(int PageIndex, XRect Area, string Target, int Node = -1);

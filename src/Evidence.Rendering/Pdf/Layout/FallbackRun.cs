using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>
/// A stretch of text in a fallback font: where it goes, each character's width as laid out, and the
/// structure element it belongs to (<c>Node</c>, -1 for none: drawn as an artifact).
/// </summary>
internal sealed record FallbackRun(int PageIndex, double X, double Baseline, string Text, FontFace Face, double Size, FontChoice Choice, XBrush Brush, float[] Widths, int Node);

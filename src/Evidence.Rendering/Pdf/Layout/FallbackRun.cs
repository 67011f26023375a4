using Evidence.Rendering.Pdf.Text;
using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>A stretch of text in a fallback font: where it goes, and each character's width as laid out.</summary>
internal sealed record FallbackRun(int PageIndex, double X, double Baseline, string Text, FontFace Face, double Size, FontChoice Choice, XBrush Brush, float[] Widths);

using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>The height of a line of text and where its baseline sits below the line's top.</summary>
internal readonly record struct LineMetrics(double Height, double Baseline, double Ascent)
{
    public static LineMetrics For(PdfFonts fonts, double size, double leading)
    {
        var glyphs = fonts.Widths(FontFace.Regular);
        var ascent = glyphs.Ascent * size;
        var descent = glyphs.Descent * size;
        var height = size * leading;
        return new LineMetrics(height, ((height - ascent - descent) / 2) + ascent, ascent);
    }
}

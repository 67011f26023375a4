using Evidence.Rendering.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>The fonts of one write: an XFont per face and size, and each face's glyph widths.</summary>
internal sealed class PdfFonts : IDisposable
{
    private readonly string sans;
    private readonly string mono;
    private readonly XGraphics measure;
    private readonly GlyphWidths[] widths;
    private readonly Dictionary<(FontFace, double), XFont> fonts = [];

    public PdfFonts(LocatedFonts located, FallbackFaces fallbacks)
    {
        Fallback = new FontFallback(located, fallbacks);
        (sans, mono) = FontRegistry.Register(located);
        measure = XGraphics.CreateMeasureContext(new XSize(612, 792), XGraphicsUnit.Point, XPageDirection.Downwards);
        widths = new GlyphWidths[5];
        foreach (var face in Enum.GetValues<FontFace>())
        {
            widths[(int)face] = new GlyphWidths(measure, Family(face), Style(face));
        }
    }

    public XFont Font(FontFace face, double size)
    {
        if (!fonts.TryGetValue((face, size), out var font))
        {
            // Automatic: WinAnsi text where it suffices (smaller content streams), Unicode otherwise.
            font = new XFont(Family(face), size, Style(face), new XPdfFontOptions(PdfFontEncoding.Automatic));
            fonts.Add((face, size), font);
        }

        return font;
    }

    public GlyphWidths Widths(FontFace face) => widths[(int)face];

    /// <summary>Which font has each character, and which it found in none.</summary>
    public FontFallback Fallback { get; }

    /// <summary>The width of <paramref name="codePoint"/> in a fallback font, per point of font size.</summary>
    public double FallbackWidth(FontChoice choice, int codePoint) => choice switch
    {
        FontChoice.Cjk => Fallback.Cjk!.Width(codePoint),
        FontChoice.Emoji => Fallback.Emoji!.Width(codePoint),
        _ => 0,
    };

    public void Dispose() => measure.Dispose();

    private string Family(FontFace face) => face == FontFace.Mono ? mono : sans;

    private static XFontStyleEx Style(FontFace face) => face switch
    {
        FontFace.Bold => XFontStyleEx.Bold,
        FontFace.Italic => XFontStyleEx.Italic,
        FontFace.BoldItalic => XFontStyleEx.BoldItalic,
        _ => XFontStyleEx.Regular,
    };
}

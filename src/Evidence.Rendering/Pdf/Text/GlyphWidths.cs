using PdfSharp.Drawing;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>
/// The advance width of each character of one face, per point of font size, measured once and
/// kept: breaking hundreds of thousands of table cells into lines must not ask PDFsharp every time.
/// PDFsharp sets text without kerning, so a string is exactly as wide as the sum of its characters.
/// </summary>
internal sealed class GlyphWidths
{
    private const double ReferenceSize = 1000;

    private readonly XGraphics measure;
    private readonly XFont font;

    // 256 pages of 256 characters, filled as characters are first seen; NaN marks "not measured".
    private readonly float[]?[] pages = new float[]?[256];

    public GlyphWidths(XGraphics measure, string family, XFontStyleEx style)
    {
        this.measure = measure;
        font = new XFont(family, ReferenceSize, style);
        var metrics = font.Metrics;
        Ascent = metrics.Ascent / (double)metrics.UnitsPerEm;
        Descent = metrics.Descent / (double)metrics.UnitsPerEm;
    }

    /// <summary>The ascent above the baseline, per point of font size.</summary>
    public double Ascent { get; }

    /// <summary>The descent below the baseline, per point of font size (positive).</summary>
    public double Descent { get; }

    /// <summary>The width of <paramref name="c"/> per point of font size. Surrogates measure 0; see <see cref="Pair"/>.</summary>
    public float this[char c]
    {
        get
        {
            var page = pages[c >> 8] ??= NewPage();
            var width = page[c & 0xFF];
            if (float.IsNaN(width))
            {
                width = char.IsSurrogate(c) || c < ' ' ? 0 : Measure(c.ToString());
                page[c & 0xFF] = width;
            }

            return width;
        }
    }

    /// <summary>The width of a character outside the Basic Multilingual Plane, per point of font size.</summary>
    public float Pair(char high, char low) => Measure(string.Concat(high.ToString(), low.ToString()));

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Of(ReadOnlySpan<char> text, double size)
    {
        double sum = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sum += Pair(c, text[++i]);
            }
            else
            {
                sum += this[c];
            }
        }

        return sum * size;
    }

    private static float[] NewPage()
    {
        var page = new float[256];
        Array.Fill(page, float.NaN);
        return page;
    }

    private float Measure(string text) => (float)(measure.MeasureString(text, font).Width / ReferenceSize);
}

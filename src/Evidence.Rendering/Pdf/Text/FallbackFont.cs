using Evidence.Rendering.Fonts.OpenType;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>
/// An installed face the writer falls back to: which characters it has, and their advance widths
/// read from its own metrics, since it reaches PDFsharp only once the document's glyphs are known.
/// </summary>
internal sealed class FallbackFont
{
    private readonly ushort[] advances;
    private readonly int numberOfHMetrics;

    private FallbackFont(string path, SfntFace face)
    {
        Path = path;
        Face = face;
        Map = CharacterMap.Read(face);
        UnitsPerEm = SfntFace.U16(face.Table("head"), 18);
        numberOfHMetrics = SfntFace.U16(face.Table("hhea"), 34);
        var hmtx = face.Table("hmtx");
        advances = new ushort[numberOfHMetrics];
        for (var i = 0; i < numberOfHMetrics; i++)
        {
            advances[i] = SfntFace.U16(hmtx, 4 * i);
        }

        var hhea = face.Table("hhea");
        Ascent = SfntFace.I16(hhea, 4) / (double)UnitsPerEm;
    }

    public string Path { get; }

    public SfntFace Face { get; }

    public CharacterMap Map { get; }

    public int UnitsPerEm { get; }

    /// <summary>The ascent above the baseline, per point of font size.</summary>
    public double Ascent { get; }

    /// <param name="path">The font file.</param>
    /// <param name="chooseFace">Which face of the file to use, given its bytes (a collection holds several).</param>
    public static FallbackFont? Load(string? path, Func<byte[], int> chooseFace)
    {
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            var data = File.ReadAllBytes(path);
            return new FallbackFont(path, SfntFace.Open(data, chooseFace(data)));
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // A damaged fallback font costs only its characters (they are reported as uncovered), never the document.
            return null;
        }
    }

    public bool Covers(int codePoint) => Map.Covers(codePoint);

    /// <summary>The advance width of <paramref name="glyph"/> per point of font size.</summary>
    public float GlyphWidth(int glyph) =>
        advances.Length == 0 ? 0 : advances[Math.Min(glyph, numberOfHMetrics - 1)] / (float)UnitsPerEm;

    /// <summary>The advance width of <paramref name="codePoint"/> per point of font size.</summary>
    public float Width(int codePoint) => GlyphWidth(Map.Glyph(codePoint));
}

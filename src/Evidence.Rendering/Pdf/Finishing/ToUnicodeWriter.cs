using System.Globalization;
using System.IO.Compression;
using System.Text;
using Evidence.Rendering.Fonts.OpenType;
using PdfSharp.Pdf;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Gives the fonts the writer made a ToUnicode map that is right for characters beyond the Basic
/// Multilingual Plane. PDFsharp writes such a character as five hex digits (😀 as &lt;1F600&gt;,
/// which readers take for U+1F60); a CMap must name it by its UTF-16 surrogate pair
/// (&lt;D83DDE00&gt;). Every character drawn beyond the BMP goes through a made font (see
/// <see cref="Text.FontChoice"/>), so replacing those fonts' maps covers them all.
/// </summary>
internal static class ToUnicodeWriter
{
    public static void Write(PdfDocument pdf, IReadOnlyDictionary<string, (CharacterMap Map, SortedSet<int> CodePoints)> drawn)
    {
        if (drawn.Count == 0)
        {
            return;
        }

        foreach (var item in pdf.Internals.GetAllObjects().OfType<PdfDictionary>().ToList())
        {
            if (item.Elements.GetName("/Subtype") != "/Type0" || item.Elements.GetName("/BaseFont") is not { Length: > 8 } baseFont)
            {
                continue;
            }

            var plus = baseFont.IndexOf('+', StringComparison.Ordinal);
            if (plus < 0 || !drawn.TryGetValue(baseFont[(plus + 1)..], out var font))
            {
                continue;
            }

            var stream = new PdfDictionary(pdf);
            stream.Elements.SetName("/Filter", "/FlateDecode");
            stream.CreateStream(Compress(CMap(font.Map, font.CodePoints)));
            pdf.Internals.AddObject(stream);
            item.Elements.SetReference("/ToUnicode", stream);
        }
    }

    /// <summary>The CMap text: glyph id → the character drawn with it, as UTF-16 (a pair beyond the BMP).</summary>
    internal static string CMap(CharacterMap map, IEnumerable<int> codePoints)
    {
        var byGlyph = new SortedDictionary<int, int>();
        foreach (var codePoint in codePoints)
        {
            if (map.Glyph(codePoint) is var glyph and > 0)
            {
                byGlyph.TryAdd(glyph, codePoint);
            }
        }

        var text = new StringBuilder();
        text.Append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n");
        text.Append("/CIDSystemInfo <</Registry (Adobe)/Ordering (UCS)/Supplement 0>> def\n");
        text.Append("/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n");
        text.Append("1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
        var entries = byGlyph.ToList();

        // At most 100 entries to a block, as the CMap format requires.
        for (var start = 0; start < entries.Count; start += 100)
        {
            var block = entries.Skip(start).Take(100).ToList();
            text.Append(CultureInfo.InvariantCulture, $"{block.Count} beginbfchar\n");
            foreach (var (glyph, codePoint) in block)
            {
                var utf16 = char.ConvertFromUtf32(codePoint);
                text.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}><");
                foreach (var unit in utf16)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{(int)unit:X4}");
                }

                text.Append(">\n");
            }

            text.Append("endbfchar\n");
        }

        text.Append("endcmap CMapName currentdict /CMap defineresource pop end end");
        return text.ToString();
    }

    private static byte[] Compress(string text)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes(text));
        }

        return output.ToArray();
    }
}

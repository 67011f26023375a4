namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// A face's Unicode character map (cmap formats 4 and 12): which code points it has a glyph for,
/// and which glyph. Read once per face; the writer asks it for every character it has not met before.
/// </summary>
internal sealed class CharacterMap
{
    private readonly Dictionary<int, ushort> glyphs;

    private CharacterMap(Dictionary<int, ushort> glyphs) => this.glyphs = glyphs;

    public int Count => glyphs.Count;

    public static CharacterMap Read(SfntFace face)
    {
        var cmap = face.Table("cmap");
        var glyphs = new Dictionary<int, ushort>();
        if (cmap.Length < 4)
        {
            return new CharacterMap(glyphs);
        }

        // Prefer the full-repertoire subtable (format 12), else the BMP one (format 4).
        int best = -1, bestFormat = 0;
        var count = SfntFace.U16(cmap, 2);
        for (var i = 0; i < count; i++)
        {
            var record = 4 + (8 * i);
            var (platform, encoding) = (SfntFace.U16(cmap, record), SfntFace.U16(cmap, record + 2));
            var offset = (int)SfntFace.U32(cmap, record + 4);
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (!unicode || offset >= cmap.Length)
            {
                continue;
            }

            var format = SfntFace.U16(cmap, offset);
            if ((format == 12 && bestFormat != 12) || (format == 4 && bestFormat == 0))
            {
                (best, bestFormat) = (offset, format);
            }
        }

        if (bestFormat == 12)
        {
            ReadFormat12(cmap[best..], glyphs);
        }
        else if (bestFormat == 4)
        {
            ReadFormat4(cmap[best..], glyphs);
        }

        return new CharacterMap(glyphs);
    }

    /// <summary>The glyph of <paramref name="codePoint"/>, or 0 (.notdef) when the face lacks it.</summary>
    public ushort Glyph(int codePoint) => glyphs.TryGetValue(codePoint, out var glyph) ? glyph : (ushort)0;

    public bool Covers(int codePoint) => glyphs.ContainsKey(codePoint);

    /// <summary>Every mapping, by code point.</summary>
    public IEnumerable<KeyValuePair<int, ushort>> Mappings => glyphs.OrderBy(m => m.Key);

    private static void ReadFormat12(ReadOnlySpan<byte> table, Dictionary<int, ushort> glyphs)
    {
        var groups = (int)SfntFace.U32(table, 12);
        for (var g = 0; g < groups; g++)
        {
            var at = 16 + (12 * g);
            var (first, last, glyph) = ((int)SfntFace.U32(table, at), (int)SfntFace.U32(table, at + 4), (int)SfntFace.U32(table, at + 8));
            for (var c = first; c <= last && c <= 0x10FFFF; c++)
            {
                var id = glyph + (c - first);
                if (id is > 0 and <= ushort.MaxValue)
                {
                    glyphs.TryAdd(c, (ushort)id);
                }
            }
        }
    }

    private static void ReadFormat4(ReadOnlySpan<byte> table, Dictionary<int, ushort> glyphs)
    {
        var segments = SfntFace.U16(table, 6) / 2;
        var ends = 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            var (start, end) = (SfntFace.U16(table, starts + (2 * s)), SfntFace.U16(table, ends + (2 * s)));
            var delta = SfntFace.U16(table, deltas + (2 * s));
            var rangeOffset = SfntFace.U16(table, rangeOffsets + (2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start));
                    glyph = at + 1 < table.Length ? SfntFace.U16(table, at) : 0;
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    glyphs.TryAdd(c, (ushort)glyph);
                }
            }
        }
    }
}

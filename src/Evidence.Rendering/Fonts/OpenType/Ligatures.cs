namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// A face's ligatures (GSUB lookup type 4, also behind extension lookups): the glyph that stands for
/// a sequence of glyphs. Emoji fonts draw flags, skin tones and ZWJ families this way. Every
/// ligature lookup is read whatever feature it belongs to, which is what an emoji face means.
/// </summary>
internal sealed class Ligatures
{
    // First glyph → (the following glyphs, the ligature), longest first.
    private readonly Dictionary<ushort, List<(ushort[] Tail, ushort Glyph)>> byFirst = [];

    public Ligatures(SfntFace face)
    {
        var gsub = face.Table("GSUB");
        if (gsub.Length < 10)
        {
            return;
        }

        var lookups = SfntFace.U16(gsub, 8);
        var count = SfntFace.U16(gsub, lookups);
        for (var l = 0; l < count; l++)
        {
            var lookup = lookups + SfntFace.U16(gsub, lookups + 2 + (2 * l));
            var type = SfntFace.U16(gsub, lookup);
            var subtables = SfntFace.U16(gsub, lookup + 4);
            for (var s = 0; s < subtables; s++)
            {
                var sub = lookup + SfntFace.U16(gsub, lookup + 6 + (2 * s));
                if (type == 7 && SfntFace.U16(gsub, sub + 2) == 4)
                {
                    ReadLigatureSubst(gsub, sub + (int)SfntFace.U32(gsub, sub + 4));
                }
                else if (type == 4)
                {
                    ReadLigatureSubst(gsub, sub);
                }
            }
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
        }
    }

    public int Count => byFirst.Values.Sum(l => l.Count);

    /// <summary>The longest ligature starting at <paramref name="glyphs"/>[0]: its glyph and how many glyphs it takes (1 and the glyph itself when none).</summary>
    public (ushort Glyph, int Length) Longest(ReadOnlySpan<ushort> glyphs)
    {
        if (glyphs.Length > 1 && byFirst.TryGetValue(glyphs[0], out var candidates))
        {
            foreach (var (rest, glyph) in candidates)
            {
                if (rest.Length < glyphs.Length && glyphs.Slice(1, rest.Length).SequenceEqual(rest))
                {
                    return (glyph, rest.Length + 1);
                }
            }
        }

        return (glyphs.Length == 0 ? (ushort)0 : glyphs[0], 1);
    }

    private void ReadLigatureSubst(ReadOnlySpan<byte> gsub, int at)
    {
        if (SfntFace.U16(gsub, at) != 1)
        {
            return;
        }

        var covered = Coverage(gsub, at + SfntFace.U16(gsub, at + 2));
        var sets = SfntFace.U16(gsub, at + 4);
        for (var s = 0; s < sets && s < covered.Count; s++)
        {
            var set = at + SfntFace.U16(gsub, at + 6 + (2 * s));
            var ligatures = SfntFace.U16(gsub, set);
            for (var g = 0; g < ligatures; g++)
            {
                var ligature = set + SfntFace.U16(gsub, set + 2 + (2 * g));
                var components = SfntFace.U16(gsub, ligature + 2);
                var rest = new ushort[Math.Max(0, components - 1)];
                for (var c = 0; c < rest.Length; c++)
                {
                    rest[c] = SfntFace.U16(gsub, ligature + 4 + (2 * c));
                }

                if (!byFirst.TryGetValue(covered[s], out var list))
                {
                    byFirst[covered[s]] = list = [];
                }

                list.Add((rest, SfntFace.U16(gsub, ligature)));
            }
        }
    }

    private static List<ushort> Coverage(ReadOnlySpan<byte> gsub, int at)
    {
        var glyphs = new List<ushort>();
        var format = SfntFace.U16(gsub, at);
        var count = SfntFace.U16(gsub, at + 2);
        for (var i = 0; i < count; i++)
        {
            if (format == 1)
            {
                glyphs.Add(SfntFace.U16(gsub, at + 4 + (2 * i)));
            }
            else
            {
                var range = at + 4 + (6 * i);
                for (int g = SfntFace.U16(gsub, range), end = SfntFace.U16(gsub, range + 2); g <= end; g++)
                {
                    glyphs.Add((ushort)g);
                }
            }
        }

        return glyphs;
    }
}

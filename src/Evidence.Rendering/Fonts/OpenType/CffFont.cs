namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// The outlines of a CFF table (plain or CID-keyed): each glyph's charstring and the subroutines
/// it may call. Only what drawing a glyph needs is read; hints are skipped.
/// </summary>
internal sealed class CffFont
{
    private readonly CffIndex charStrings;
    private readonly CffIndex[] localSubrs;
    private readonly byte[]? fdSelect;

    public CffFont(ReadOnlyMemory<byte> cff)
    {
        var span = cff.Span;
        var names = new CffIndex(cff, span[2]);
        var topDicts = new CffIndex(cff, names.End);
        var strings = new CffIndex(cff, topDicts.End);
        GlobalSubrs = new CffIndex(cff, strings.End);
        var top = new CffDict(topDicts[0]);
        charStrings = new CffIndex(cff, top.Int(17));
        if (top.Has(1236))
        {
            var fonts = new CffIndex(cff, top.Int(1236));
            localSubrs = new CffIndex[fonts.Count];
            for (var i = 0; i < fonts.Count; i++)
            {
                localSubrs[i] = Subrs(cff, new CffDict(fonts[i]));
            }

            fdSelect = ReadFdSelect(span, top.Int(1237), charStrings.Count);
        }
        else
        {
            localSubrs = [Subrs(cff, top)];
        }
    }

    public int GlyphCount => charStrings.Count;

    public CffIndex GlobalSubrs { get; }

    public ReadOnlySpan<byte> CharString(int glyph) => charStrings[glyph];

    public CffIndex LocalSubrs(int glyph) => localSubrs[fdSelect is null ? 0 : fdSelect[glyph]];

    private static CffIndex Subrs(ReadOnlyMemory<byte> cff, CffDict dict)
    {
        var privateEntry = dict.Values(18);
        if (privateEntry is not { Length: 2 })
        {
            return new CffIndex(EmptyIndex, 0);
        }

        var (size, offset) = ((int)privateEntry[0], (int)privateEntry[1]);
        var privateDict = new CffDict(cff.Span.Slice(offset, size));
        return privateDict.Has(19) ? new CffIndex(cff, offset + privateDict.Int(19)) : new CffIndex(EmptyIndex, 0);
    }

    private static readonly byte[] EmptyIndex = [0, 0];

    private static byte[] ReadFdSelect(ReadOnlySpan<byte> cff, int at, int glyphs)
    {
        var select = new byte[glyphs];
        if (cff[at] == 0)
        {
            cff.Slice(at + 1, glyphs).CopyTo(select);
            return select;
        }

        // Format 3: ranges of glyphs sharing one font DICT, closed by a sentinel glyph number.
        var ranges = SfntFace.U16(cff, at + 1);
        for (var r = 0; r < ranges; r++)
        {
            var entry = at + 3 + (3 * r);
            var (first, fd, next) = (SfntFace.U16(cff, entry), cff[entry + 2], SfntFace.U16(cff, entry + 3));
            for (var g = first; g < next && g < glyphs; g++)
            {
                select[g] = fd;
            }
        }

        return select;
    }
}

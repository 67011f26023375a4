namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// The PNG pictures of a colour bitmap face (CBLC index, CBDT data), as Noto Color Emoji holds
/// them: the largest strike is taken, since the PDF scales it down to the text size.
/// </summary>
internal sealed class ColorBitmaps
{
    private readonly ReadOnlyMemory<byte> cblc;
    private readonly ReadOnlyMemory<byte> cbdt;
    private readonly int strike = -1;

    public ColorBitmaps(SfntFace face)
    {
        cblc = face.TableMemory("CBLC");
        cbdt = face.TableMemory("CBDT");
        var span = cblc.Span;
        if (span.Length < 8)
        {
            return;
        }

        var best = 0;
        var sizes = (int)SfntFace.U32(span, 4);
        for (var s = 0; s < sizes; s++)
        {
            var ppem = span[8 + (48 * s) + 44];
            if (ppem > best)
            {
                (best, strike) = (ppem, 8 + (48 * s));
            }
        }
    }

    /// <summary>The PNG bytes of <paramref name="glyph"/>, or null when the face has no picture for it.</summary>
    public byte[]? Png(int glyph)
    {
        if (strike < 0 || glyph <= 0)
        {
            return null;
        }

        var index = cblc.Span;
        var arrayAt = (int)SfntFace.U32(index, strike);
        var tables = (int)SfntFace.U32(index, strike + 8);
        for (var t = 0; t < tables; t++)
        {
            var entry = arrayAt + (8 * t);
            var (first, last) = (SfntFace.U16(index, entry), SfntFace.U16(index, entry + 2));
            if (glyph < first || glyph > last)
            {
                continue;
            }

            var sub = arrayAt + (int)SfntFace.U32(index, entry + 4);
            var (indexFormat, imageFormat, dataAt) = (SfntFace.U16(index, sub), SfntFace.U16(index, sub + 2), (int)SfntFace.U32(index, sub + 4));
            var offset = indexFormat switch
            {
                1 => (long)SfntFace.U32(index, sub + 8 + (4 * (glyph - first))),
                3 => SfntFace.U16(index, sub + 8 + (2 * (glyph - first))),
                _ => -1,
            };
            return offset < 0 ? null : Image(imageFormat, dataAt + (int)offset);
        }

        return null;
    }

    private byte[]? Image(int format, int at)
    {
        var data = cbdt.Span;
        var header = format switch
        {
            17 => 5,
            18 => 8,
            19 => 0,
            _ => -1,
        };
        if (header < 0 || at + header + 4 > data.Length)
        {
            return null;
        }

        var length = (int)SfntFace.U32(data, at + header);
        var start = at + header + 4;
        return length <= 0 || start + length > data.Length ? null : data.Slice(start, length).ToArray();
    }
}

namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>A CFF INDEX: a count, then offsets into the data of its items.</summary>
internal readonly struct CffIndex
{
    private readonly ReadOnlyMemory<byte> cff;
    private readonly int offsetsAt;
    private readonly int offSize;
    private readonly int dataAt;

    public CffIndex(ReadOnlyMemory<byte> cff, int at)
    {
        this.cff = cff;
        var span = cff.Span;
        Count = SfntFace.U16(span, at);
        if (Count == 0)
        {
            End = at + 2;
            return;
        }

        offSize = span[at + 2];
        offsetsAt = at + 3;
        dataAt = offsetsAt + ((Count + 1) * offSize) - 1;
        End = dataAt + Offset(Count);
    }

    public int Count { get; }

    /// <summary>The offset just past the INDEX.</summary>
    public int End { get; }

    public ReadOnlySpan<byte> this[int i] => cff.Span[(dataAt + Offset(i))..(dataAt + Offset(i + 1))];

    /// <summary>The bias a charstring adds to a subroutine number before looking it up in this INDEX.</summary>
    public int SubrBias => Count < 1240 ? 107 : Count < 33900 ? 1131 : 32768;

    private int Offset(int i)
    {
        var span = cff.Span;
        var value = 0;
        for (var b = 0; b < offSize; b++)
        {
            value = (value << 8) | span[offsetsAt + (i * offSize) + b];
        }

        return value;
    }
}

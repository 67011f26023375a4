namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// A write-only stream over the saved PDF that hands what is written to <see cref="Pass"/> and counts
/// it: PDFsharp reads the position for its cross-reference table, which a pipe or a forward-only
/// stream could not tell it. The filters that rewrite the XMP packet differ only in <see cref="Pass"/>.
/// </summary>
internal abstract class PassThroughStream(Stream inner) : Stream
{
    private long position;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => position;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    /// <summary>The stream the filtered bytes go to.</summary>
    protected Stream Inner => inner;

    public sealed override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public sealed override void Write(ReadOnlySpan<byte> buffer)
    {
        position += buffer.Length;
        Pass(buffer);
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Writes <paramref name="buffer"/>, rewritten or held back as the filter needs, to <see cref="Inner"/>.</summary>
    protected abstract void Pass(ReadOnlySpan<byte> buffer);
}

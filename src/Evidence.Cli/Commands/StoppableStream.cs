namespace Evidence.Cli.Commands;

/// <summary>
/// A write-only stream that stops with <see cref="OperationCanceledException"/> once the user asks the command
/// to stop, so a writer busy in a phase that reports no progress (PDFsharp saving thousands of pages) stops too.
/// </summary>
internal sealed class StoppableStream(Stream inner, CancellationToken cancellation) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.WriteByte(value);
    }

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void SetLength(long value) => inner.SetLength(value);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

using System.Buffers;
using System.Text;

namespace Evidence.Rendering.Markdown;

/// <summary>
/// Writes text on without control characters (NUL, escape, C1 controls, carriage returns), keeping line feeds and
/// tabs. Evidence text comes from cloud APIs and may hold them; the PDF writer draws them as spaces and the DOCX
/// writer replaces them, and a Markdown file that carries them is not text to most tools.
/// </summary>
internal sealed class ControlCharacterFilter(TextWriter inner) : TextWriter
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(ControlCharacters());

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (Keeps(value))
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var hit = buffer.IndexOfAny(Controls);
            if (hit < 0)
            {
                inner.Write(buffer);
                return;
            }

            inner.Write(buffer[..hit]);
            buffer = buffer[(hit + 1)..];
        }
    }

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool Keeps(char c) => !char.IsControl(c) || c is '\n' or '\t';

    private static string ControlCharacters()
    {
        var controls = new StringBuilder();
        for (var c = '\0'; c <= '\u009f'; c++)
        {
            if (!Keeps(c))
            {
                controls.Append(c);
            }
        }

        return controls.ToString();
    }
}

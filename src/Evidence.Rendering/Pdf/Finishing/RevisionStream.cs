using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Passes the saved PDF through and keeps its last few kilobytes, so that objects can be appended after
/// it as an incremental update (ISO 32000-1, 7.5.6): <see cref="Trailer"/> gives the saved file's trailer
/// entries and <see cref="StartXref"/> its cross-reference table's offset, which the update's trailer
/// repeats and points back to. Writing more after the save goes through the same counting, so
/// <see cref="PassThroughStream.Position"/> is always the offset of the next byte.
/// </summary>
internal sealed partial class RevisionStream(Stream inner) : PassThroughStream(inner)
{
    private const int Keep = 8192;

    private readonly byte[] tail = new byte[Keep];
    private int kept;

    /// <summary>The offset of the saved file's cross-reference table.</summary>
    public long StartXref => long.Parse(StartXrefPattern().Match(Tail()).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The saved trailer's entries without <c>/Size</c> and <c>/Prev</c>, as written: <c>/ID[...]/Info 1 0 R/Root 2 0 R</c>.</summary>
    public string Trailer
    {
        get
        {
            var text = Tail();
            var start = text.IndexOf("<<", text.LastIndexOf("trailer", StringComparison.Ordinal), StringComparison.Ordinal) + 2;
            var depth = 1;
            var i = start;
            for (; depth > 0 && i < text.Length - 1; i++)
            {
                depth += text[i] == '<' && text[i + 1] == '<' ? 1 : text[i] == '>' && text[i + 1] == '>' ? -1 : 0;
            }

            return SizePattern().Replace(text[start..(i - 1)], string.Empty);
        }
    }

    /// <summary>The saved trailer's <c>/Size</c>: the number the first appended object takes.</summary>
    public int Size => int.Parse(SizeValuePattern().Match(Tail()[Tail().LastIndexOf("trailer", StringComparison.Ordinal)..]).Groups[1].Value, CultureInfo.InvariantCulture);

    protected override void Pass(ReadOnlySpan<byte> buffer)
    {
        Inner.Write(buffer);
        if (buffer.Length >= Keep)
        {
            buffer[^Keep..].CopyTo(tail);
            kept = Keep;
            return;
        }

        var shift = Math.Max(0, kept + buffer.Length - Keep);
        if (shift > 0)
        {
            tail.AsSpan(shift, kept - shift).CopyTo(tail);
            kept -= shift;
        }

        buffer.CopyTo(tail.AsSpan(kept));
        kept += buffer.Length;
    }

    private string Tail() => Encoding.Latin1.GetString(tail, 0, kept);

    [GeneratedRegex(@"startxref\s+(\d+)\s+%%EOF\s*$")]
    private static partial Regex StartXrefPattern();

    [GeneratedRegex(@"/(Size|Prev)\s+\d+")]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeValuePattern();
}

using System.Globalization;
using System.Text;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Writes objects after a saved PDF as an incremental update: new objects numbered from the saved
/// file's <c>/Size</c> on, and objects of the saved file written anew (the newest one counts), then a
/// cross-reference section for just those, and a trailer that points back to the saved one. Objects
/// go out as they are written; only their offsets are kept.
/// </summary>
internal sealed class RevisionWriter(RevisionStream output)
{
    private readonly byte[] buffer = new byte[1 << 16];
    private readonly SortedDictionary<int, long> replaced = [];
    private readonly List<long> added = [];
    private readonly int first = output.Size;
    private readonly string trailer = output.Trailer;
    private readonly long previous = output.StartXref;
    private int used;

    /// <summary>The number the next new object takes.</summary>
    public int Next => first + added.Count;

    /// <summary>Starts new object <see cref="Next"/> and returns its number.</summary>
    public int BeginObject()
    {
        var number = Next;
        added.Add(Offset);
        Append(number).Append(" 0 obj\n");
        return number;
    }

    /// <summary>Starts object <paramref name="number"/> of the saved file again, replacing it.</summary>
    public void BeginReplacement(int number)
    {
        replaced.Add(number, Offset);
        Append(number).Append(" 0 obj\n");
    }

    public void EndObject() => Append("\nendobj\n");

    public RevisionWriter Append(string text)
    {
        if (text.Length > buffer.Length - used)
        {
            Flush();
        }

        if (text.Length > buffer.Length)
        {
            output.Write(Encoding.Latin1.GetBytes(text));
            return this;
        }

        used += Encoding.Latin1.GetBytes(text, buffer.AsSpan(used));
        return this;
    }

    public RevisionWriter Append(int value)
    {
        if (buffer.Length - used < 11)
        {
            Flush();
        }

        value.TryFormat(buffer.AsSpan(used), out var written, provider: CultureInfo.InvariantCulture);
        used += written;
        return this;
    }

    /// <summary>An indirect reference, with the space before it.</summary>
    public RevisionWriter Reference(int number) => Append(" ").Append(number).Append(" 0 R");

    /// <summary>Writes the cross-reference section and the trailer, and flushes.</summary>
    public void Finish()
    {
        var xref = Offset;
        Append("xref\n");
        foreach (var (number, offset) in replaced)
        {
            Append(number).Append(" 1\n").Entry(offset);
        }

        if (added.Count > 0)
        {
            Append(first).Append(" ").Append(added.Count).Append("\n");
            foreach (var offset in added)
            {
                Entry(offset);
            }
        }

        Append("trailer\n<<").Append(trailer).Append("/Size ").Append(Next)
            .Append("/Prev ").Append(previous.ToString(CultureInfo.InvariantCulture)).Append(">>\nstartxref\n")
            .Append(xref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        Flush();
    }

    private long Offset => output.Position + used;

    private void Entry(long offset) => Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");

    private void Flush()
    {
        output.Write(buffer.AsSpan(0, used));
        used = 0;
    }
}

using System.Text;

namespace Evidence.Rendering.Pdf.Finishing;

/// <summary>
/// Passes the saved PDF through and adds the PDF/A identification (<c>pdfaid:part</c> 3,
/// <c>pdfaid:conformance</c> B) to the XMP packet PDFsharp writes while saving. PDFsharp offers no way
/// to say part 3 (its own switch claims PDF/A-1a), and the packet's length must not change, since the
/// cross-reference table counts every byte: the packet's indentation and toolkit name are dropped to make
/// room, and what is left over is padded with spaces before the packet's end, where XMP expects padding.
/// </summary>
internal sealed class XmpPdfAStream(Stream inner) : PassThroughStream(inner)
{
    // The short (attribute) form of the two properties, as Adobe's XMP toolkit writes simple values.
    private const string Identification =
        "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"3\" pdfaid:conformance=\"B\"/>";

    // The toolkit PDFsharp names is not the one that wrote the rewritten packet; the attribute is optional.
    private const string Toolkit = " x:xmptk=\"3.1-701\"";

    private static readonly byte[] Begin = "<?xpacket begin="u8.ToArray();
    private static readonly byte[] End = "<?xpacket end="u8.ToArray();

    private readonly List<byte> held = [];
    private bool inPacket;
    private bool done;

    /// <summary>Whether the packet was found and identified (false when it could not be made to fit).</summary>
    public bool Identified { get; private set; }

    protected override void Pass(ReadOnlySpan<byte> buffer)
    {
        if (done)
        {
            Inner.Write(buffer);
            return;
        }

        byte[]? joined = null;
        if (held.Count > 0)
        {
            joined = [.. held, .. buffer];
            held.Clear();
        }

        var data = joined is null ? buffer : (ReadOnlySpan<byte>)joined;
        if (!inPacket)
        {
            var at = data.IndexOf(Begin);
            if (at < 0)
            {
                // The start of the marker may be cut by this write: hold what could begin it.
                var keep = Math.Min(Begin.Length - 1, data.Length);
                Inner.Write(data[..^keep]);
                held.AddRange(data[^keep..]);
                return;
            }

            Inner.Write(data[..at]);
            data = data[at..];
            inPacket = true;
        }

        var end = data.IndexOf(End);
        var close = end < 0 ? -1 : data[end..].IndexOf("?>"u8);
        if (close < 0)
        {
            held.AddRange(data);
            return;
        }

        var length = end + close + 2;
        Inner.Write(Identify(data[..length]));
        Inner.Write(data[length..]);
        done = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && held.Count > 0)
        {
            Inner.Write([.. held]);
            held.Clear();
        }

        base.Dispose(disposing);
    }

    private byte[] Identify(ReadOnlySpan<byte> packet)
    {
        var text = Encoding.UTF8.GetString(packet);
        var start = text.IndexOf("?>", StringComparison.Ordinal) + 2;
        var trailer = text.IndexOf("<?xpacket end=", StringComparison.Ordinal);
        if (start < 2 || trailer < start || text.Contains("pdfaid:", StringComparison.Ordinal))
        {
            return packet.ToArray();
        }

        var lines = text[start..trailer].Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Replace(Toolkit, string.Empty, StringComparison.Ordinal))
            .SelectMany(l => l.StartsWith("<rdf:RDF", StringComparison.Ordinal) ? [l, Identification] : new[] { l });
        var compact = text[..start] + "\n" + string.Join('\n', lines) + "\n";
        var padding = packet.Length - Encoding.UTF8.GetByteCount(compact) - Encoding.UTF8.GetByteCount(text[trailer..]);
        if (padding < 0)
        {
            return packet.ToArray();
        }

        Identified = true;
        return Encoding.UTF8.GetBytes(compact + new string(' ', padding) + text[trailer..]);
    }
}

using System.Buffers.Text;
using System.Text;

namespace Evidence.Rendering.Pdf.Tagging;

/// <summary>
/// Turns the tagger's marker comments in a page's freshly drawn content into marked-content operators,
/// once, before the content is compressed: everything outside an element's markers becomes an artifact,
/// each element's content a <c>BDC</c> with the next MCID of its page. Keeps, per page, the element of
/// each MCID (the parent tree) and, per element, where its content is (its kids), as numbers, not PDF
/// objects: a large binder has more than a million table cells.
/// </summary>
internal sealed class MarkedContent(StructureTagger tagger)
{
    private static readonly byte[] Marker = Encoding.ASCII.GetBytes("% " + StructureTagger.BeginMarker.TrimEnd());
    private static readonly byte[] Open = "/Artifact BMC\n"u8.ToArray();
    private static readonly byte[] Close = "\nEMC\n"u8.ToArray();
    private static readonly byte[] Resume = "EMC\n/Artifact BMC"u8.ToArray();
    private static readonly byte[] BeginComment = Encoding.ASCII.GetBytes(StructureTagger.BeginMarker);
    private static readonly byte[] EndComment = Encoding.ASCII.GetBytes(StructureTagger.EndMarker);
    private readonly Dictionary<string, byte[]> roles = new(StringComparer.Ordinal);

    // Almost every element has one piece of marked content; the pieces after the first, when it crosses pages, are kept apart.
    private readonly List<(int Page, int Mcid)> firstContent = [];
    private readonly Dictionary<int, List<(int Page, int Mcid)>> moreContent = [];
    private readonly List<List<int>> owners = [];

    /// <summary>The element (node id) of each MCID of page <paramref name="page"/>, in MCID order.</summary>
    public IReadOnlyList<int> Owners(int page) => page < owners.Count ? owners[page] : [];

    /// <summary>Where the first piece of an element's content is; page -1 when it has none.</summary>
    public (int Page, int Mcid) First(int node) => node < firstContent.Count ? firstContent[node] : (-1, 0);

    /// <summary>The pieces after the first, if any.</summary>
    public IReadOnlyList<(int Page, int Mcid)> More(int node) => moreContent.TryGetValue(node, out var more) ? more : [];

    /// <summary>Rewrites one content stream of page <paramref name="page"/> (0-based); the page's MCIDs continue from its earlier streams.</summary>
    public byte[] Rewrite(byte[] content, int page)
    {
        while (owners.Count <= page)
        {
            owners.Add([]);
        }

        var onPage = owners[page];
        var text = content.AsSpan();
        using var result = new MemoryStream(content.Length + 256);
        result.Write(Open);
        var position = 0;
        Span<byte> number = stackalloc byte[11];
        while (true)
        {
            var found = text[position..].IndexOf(Marker);
            if (found < 0)
            {
                result.Write(text[position..]);
                break;
            }

            var marker = position + found;
            var newline = text[marker..].IndexOf((byte)'\n');
            var lineEnd = newline < 0 ? text.Length : marker + newline;
            result.Write(text[position..marker]);
            // Read and written as bytes: a large binder has two markers for each of its million table cells.
            var comment = text[(marker + 2)..lineEnd].TrimEnd((byte)'\r');
            if (comment.SequenceEqual(EndComment))
            {
                result.Write(Resume);
            }
            else
            {
                var digits = comment[BeginComment.Length..];
                if (!Utf8Parser.TryParse(digits, out int node, out var read) || read != digits.Length)
                {
                    throw new FormatException($"a structure marker on page {page + 1} names no element");
                }

                var mcid = onPage.Count;
                onPage.Add(node);
                Record(node, page, mcid);
                result.Write("EMC\n/"u8);
                result.Write(RoleBytes(tagger.Nodes[node].Role));
                result.Write(" <</MCID "u8);
                Utf8Formatter.TryFormat(mcid, number, out var written);
                result.Write(number[..written]);
                result.Write(">> BDC"u8);
            }

            position = lineEnd;
        }

        result.Write(Close);
        return result.ToArray();
    }

    private byte[] RoleBytes(string role)
    {
        if (!roles.TryGetValue(role, out var bytes))
        {
            roles[role] = bytes = Encoding.ASCII.GetBytes(role);
        }

        return bytes;
    }

    private void Record(int node, int page, int mcid)
    {
        while (firstContent.Count <= node)
        {
            firstContent.Add((-1, 0));
        }

        if (firstContent[node].Page < 0)
        {
            firstContent[node] = (page, mcid);
        }
        else
        {
            (moreContent.TryGetValue(node, out var list) ? list : moreContent[node] = []).Add((page, mcid));
        }
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Evidence.Collectors.Aws.Signing;

/// <summary>The parts of a SigV4 canonical request: path, query, headers and signed-header list.</summary>
internal static class CanonicalRequest
{
    /// <summary>
    /// The canonical URI: the path as sent, normalised (dot segments and repeated slashes removed) when
    /// the service wants it, then each character outside the unreserved set percent-encoded. A path that
    /// is already percent-encoded on the wire is encoded again, as every service but S3 expects.
    /// </summary>
    public static string Path(string path, bool normalize)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        return UriEncoding.Encode(normalize ? Normalize(path) : path, keepSlash: true);
    }

    /// <summary>The query parameters decoded, re-encoded, and sorted by name then value.</summary>
    public static string Query(string query)
    {
        var pairs = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? string.Empty : part[(equals + 1)..];
                return (Name: UriEncoding.Encode(UriEncoding.Decode(name), keepSlash: false),
                        Value: UriEncoding.Encode(UriEncoding.Decode(value), keepSlash: false));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>
    /// Headers by lower-case name, sorted; a repeated header's values joined with commas in the order
    /// sent; each value trimmed and its runs of white space (folded lines included) made one space.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Headers(IEnumerable<KeyValuePair<string, string>> headers) =>
        headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => Squeeze(h.Value)))))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .ToList();

    public static string HashHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string HashHex(string text) => HashHex(Encoding.UTF8.GetBytes(text));

    private static string Normalize(string path)
    {
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        var trailing = segments.Count > 0 && path.EndsWith('/');
        return "/" + string.Join('/', segments) + (trailing ? "/" : string.Empty);
    }

    private static string Squeeze(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

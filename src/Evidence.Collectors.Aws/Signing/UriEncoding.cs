using System.Text;

namespace Evidence.Collectors.Aws.Signing;

/// <summary>Percent-encoding as SigV4 wants it: RFC 3986 unreserved characters kept, everything else as %XX of its UTF-8 bytes, upper-case hex.</summary>
internal static class UriEncoding
{
    public static string Encode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Decodes %XX escapes (and only those: '+' stays '+', as AWS reads query strings).</summary>
    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[start..i]));
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
                start = i + 1;
            }
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(value[start..]));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private const string Hex = "0123456789ABCDEF";

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}

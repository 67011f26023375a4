using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// The fake's <c>$skiptoken</c>: opaque to the client, like the real one, but carrying everything the
/// next page needs (offset, page size, filter) so the server keeps no state between pages.
/// </summary>
internal sealed record FakeSkipToken(int Offset, int Top, string? Filter)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Offset}|{Top}|{Filter}")));

    public static FakeSkipToken? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|', 3);
            return parts.Length == 3 &&
                   int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) &&
                   int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var top)
                ? new FakeSkipToken(offset, top, parts[2].Length == 0 ? null : parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

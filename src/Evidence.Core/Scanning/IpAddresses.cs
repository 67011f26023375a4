using System.Net;
using System.Net.Sockets;

namespace Evidence.Core.Scanning;

/// <summary>
/// Which IP addresses identify someone. Private, loopback, link-local, unspecified and broadcast addresses
/// identify no one outside the network, and a network block (<c>10.0.0.0/16</c>, <c>0.0.0.0/0</c>) is not an
/// address at all: security-group rules and subnets are full of both.
/// </summary>
internal static class IpAddresses
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsHex(ReadOnlySpan<char> word) => !word.ContainsAnyExcept(HexDigits);

    /// <summary>True for an address worth reporting; <paramref name="end"/> is where it ends in <paramref name="text"/>.</summary>
    public static bool Reportable(string value, string text, int end)
    {
        if (!IPAddress.TryParse(value, out var address))
        {
            return false;
        }

        if (end < text.Length - 1 && text[end] == '/' && char.IsAsciiDigit(text[end + 1]))
        {
            var prefix = text.AsSpan(end + 1);
            var length = prefix.IndexOfAnyExceptInRange('0', '9');
            var bits = int.Parse(length < 0 ? prefix : prefix[..length], System.Globalization.CultureInfo.InvariantCulture);
            if (bits < (address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
            {
                return false;
            }
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Two groups and a colon are as likely a time (12:30:00) as an address: ask for the shape of a real one.
            return value.Count(c => c == ':') >= 3 && !IPAddress.IsLoopback(address) && !address.Equals(IPAddress.IPv6None)
                && !address.IsIPv6LinkLocal && !address.IsIPv6SiteLocal && !address.IsIPv6UniqueLocal && !address.IsIPv4MappedToIPv6;
        }

        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 or 255
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127));
    }
}

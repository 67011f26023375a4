using System.Security.Cryptography;
using System.Text;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// Deterministic "randomness" for the sample run: every choice is a SHA-256 of the names involved,
/// so the same inputs give the same run on every machine and .NET version, and adding one resource
/// does not reshuffle every other value (as a shared seeded <see cref="Random"/> would).
/// </summary>
internal static class StableHash
{
    /// <summary>A number in [0, <paramref name="modulo"/>) chosen by <paramref name="parts"/>.</summary>
    public static int Pick(int modulo, params string[] parts) =>
        (int)(BitConverter.ToUInt64(Digest(parts), 0) % (ulong)modulo);

    /// <summary><paramref name="length"/> lower-case hexadecimal digits chosen by <paramref name="parts"/>.</summary>
    public static string Hex(int length, params string[] parts)
    {
        var builder = new StringBuilder();
        var round = 0;
        while (builder.Length < length)
        {
            builder.Append(Convert.ToHexStringLower(Digest([.. parts, round.ToString(System.Globalization.CultureInfo.InvariantCulture)])));
            round++;
        }

        return builder.ToString(0, length);
    }

    /// <summary>A GUID-formatted id (8-4-4-4-12 hex digits) chosen by <paramref name="parts"/>.</summary>
    public static string Uuid(params string[] parts)
    {
        var hex = Hex(32, parts);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-{"89ab"[hex[16] % 4]}{hex[17..20]}-{hex[20..32]}";
    }

    /// <summary>Lower-case letters and digits, as in a conformance pack's rule-name suffix.</summary>
    public static string Alphanumeric(int length, params string[] parts)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var digest = Digest(parts);
        return new string(Enumerable.Range(0, length).Select(i => alphabet[digest[i % digest.Length] % alphabet.Length]).ToArray());
    }

    private static byte[] Digest(string[] parts) => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
}

using System.Globalization;
using System.Text.Json;
using Evidence.Core.Diagnostics;
using Evidence.Core.Store;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>
/// The token-level half of <see cref="FastManifestReader"/>: reading one JSON value of the exact type the
/// writer wrote, or giving up with a <see cref="FormatException"/> so the strict reader takes over.
/// </summary>
internal static partial class FastManifestReader
{
    /// <summary>An object of string fields, each named in <paramref name="keys"/>; the first <paramref name="required"/> must be present.</summary>
    private static Dictionary<string, string> Strings(ref Utf8JsonReader r, string[] keys, int? required = null)
    {
        Expect(ref r, JsonTokenType.StartObject);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            fields[Array.IndexOf(keys, key) >= 0 ? key : throw new FormatException()] = String(ref r);
        }

        return keys.Take(required ?? keys.Length).All(fields.ContainsKey) ? fields : throw new FormatException();
    }

    /// <summary>Counts by state: all four, or (a summary's) only non-compliant.</summary>
    private static ComplianceCounts ReadCounts(ref Utf8JsonReader r)
    {
        string[] keys = ["compliant", "non_compliant", "not_applicable", "insufficient_data"];
        Expect(ref r, JsonTokenType.StartObject);
        var values = new int?[keys.Length];
        var seen = new List<string>(10);
        while (NextProperty(ref r, seen) is { } key)
        {
            var index = Array.IndexOf(keys, key);
            values[index >= 0 ? index : throw new FormatException()] = Number(ref r);
        }

        return values switch
        {
            [{ } c, { } n, { } a, { } i] => new ComplianceCounts(c, n, a, i),
            [null, { } n, null, null] => ComplianceCounts.Summary(n),
            _ => throw new FormatException(),
        };
    }

    /// <summary>The next property name of the current object (each once), or null at its end.</summary>
    private static string? NextProperty(ref Utf8JsonReader r, List<string> seen)
    {
        var token = Read(ref r);
        if (token == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = token == JsonTokenType.PropertyName ? r.GetString()! : throw new FormatException();
        if (seen.Contains(name))
        {
            throw new FormatException();
        }

        seen.Add(name);
        return name;
    }

    private static JsonTokenType Read(ref Utf8JsonReader r) => r.Read() ? r.TokenType : throw new FormatException();

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        if (Read(ref r) != type)
        {
            throw new FormatException();
        }
    }

    private static string String(ref Utf8JsonReader r)
    {
        Read(ref r);
        return Current(ref r);
    }

    private static string Current(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.String ? r.GetString()! : throw new FormatException();

    private static int Number(ref Utf8JsonReader r)
    {
        Read(ref r);
        return r.TokenType == JsonTokenType.Number &&
               int.TryParse(ManifestBytes.Text(r.ValueSpan), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException();
    }

    /// <summary>
    /// The writer's form, <c>2026-11-20T06:00:05Z</c>, read digit by digit: a long history holds hundreds of
    /// thousands of them, and the general parser costs microseconds each. Any other form goes to it.
    /// </summary>
    private static DateTimeOffset Instant(ref Utf8JsonReader r)
    {
        Read(ref r);
        if (r.TokenType != JsonTokenType.String)
        {
            throw new FormatException();
        }

        var s = r.ValueSpan;
        if (!r.ValueIsEscaped && s.Length == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':' && s[19] == 'Z')
        {
            var year = Digits(s, 0, 4);
            var month = Digits(s, 5, 2);
            var day = Digits(s, 8, 2);
            var hour = Digits(s, 11, 2);
            var minute = Digits(s, 14, 2);
            var second = Digits(s, 17, 2);
            if (year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60)
            {
                return new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            }

            throw new FormatException();
        }

        return Timestamps.TryParseUtc(Current(ref r), out var instant) ? instant : throw new FormatException();
    }

    private static int Digits(ReadOnlySpan<byte> s, int start, int count)
    {
        var value = 0;
        foreach (var b in s.Slice(start, count))
        {
            value = b is >= (byte)'0' and <= (byte)'9' ? (value * 10) + (b - '0') : throw new FormatException();
        }

        return value;
    }

    private static T Enum<T>(ref Utf8JsonReader r)
        where T : struct, System.Enum =>
        EnumValues<T>.ByName.TryGetValue(String(ref r), out var value) ? value : throw new FormatException();

    /// <summary>Query keys and sources repeat in every run: one string each, however long the history.</summary>
    private static string Intern(string value, Dictionary<string, string> names)
    {
        if (names.TryGetValue(value, out var known))
        {
            return known;
        }

        names[value] = value;
        return value;
    }

    /// <summary>Each member by its kebab-case name, spelled once per type rather than once per item.</summary>
    private static class EnumValues<T>
        where T : struct, System.Enum
    {
        public static readonly Dictionary<string, T> ByName = System.Enum.GetValues<T>().ToDictionary(v => EnumNames.ToKebab(v), StringComparer.Ordinal);
    }
}

using System.Globalization;

namespace Evidence.Core.Yaml;

/// <summary>The one timestamp form Evidence reads and writes: ISO 8601 in UTC.</summary>
public static class Timestamps
{
    /// <summary>Parses an ISO 8601 instant that names its offset (Z or ±hh:mm), as UTC.</summary>
    public static bool TryParseUtc(string value, out DateTimeOffset instant)
    {
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') ||
                        (value.Length > 6 && (value[^6] == '+' || value[^6] == '-') && value[^3] == ':');
        if (hasOffset && value.Contains('T', StringComparison.OrdinalIgnoreCase) &&
            DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant))
        {
            instant = instant.ToUniversalTime();
            return true;
        }

        instant = default;
        return false;
    }

    /// <summary>2026-11-20T06:00:00Z.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>20261120T060000Z: run folder names and document file names.</summary>
    public static string Compact(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>2026-11-20: the UTC date of an instant.</summary>
    public static string FormatDate(DateTimeOffset instant) => FormatDate(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>2026-11-20.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

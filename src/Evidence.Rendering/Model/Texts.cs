using System.Globalization;
using Evidence.Core.Store;
using Evidence.Core.Yaml;

namespace Evidence.Rendering.Model;

/// <summary>Values as the documents print them: statuses in words, instants in UTC, sources by name.</summary>
internal static class Texts
{
    /// <summary>PartiallySatisfied becomes "Partially satisfied".</summary>
    public static string Sentence<T>(T value)
        where T : struct, Enum
    {
        var words = EnumNames.ToKebab(value).Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Kebab<T>(T value)
        where T : struct, Enum => EnumNames.ToKebab(value);

    /// <summary><c>2026-11-20 06:00 UTC</c>.</summary>
    public static string Instant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? instant) => instant is { } i ? Instant(i) : null;

    public static string Date(DateTimeOffset instant) => Timestamps.FormatDate(instant);

    public static string Date(DateOnly date) => Timestamps.FormatDate(date);
}

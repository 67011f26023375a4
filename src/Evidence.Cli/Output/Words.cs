using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>Enum values as people read them: PartiallySatisfied is "partially satisfied".</summary>
internal static class Words
{
    public static string Of<T>(T value)
        where T : struct, Enum => EnumNames.ToKebab(value).Replace('-', ' ');

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>"1 row", "2 rows"; <paramref name="many"/> for a plural that is not <paramref name="one"/> + "s".</summary>
    public static string Plural(long count, string one, string? many = null) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many ?? one + "s")}");
}

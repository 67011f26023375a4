using Evidence.Core.Yaml;

namespace Evidence.Cli.Output;

/// <summary>Enum values as people read them: PartiallySatisfied is "partially satisfied".</summary>
internal static class Words
{
    public static string Of<T>(T value)
        where T : struct, Enum => EnumNames.ToKebab(value).Replace('-', ' ');

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}

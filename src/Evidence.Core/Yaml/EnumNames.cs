using System.Text;

namespace Evidence.Core.Yaml;

/// <summary>The kebab-case spelling of enum members, as they appear in YAML and JSON.</summary>
public static class EnumNames
{
    public static string ToKebab<T>(T value)
        where T : struct, Enum => ToKebab(value.ToString());

    public static string ToKebab(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => System.Enum.GetValues<T>().Select(v => ToKebab(v)).ToList();

    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in System.Enum.GetValues<T>())
        {
            if (string.Equals(ToKebab(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}

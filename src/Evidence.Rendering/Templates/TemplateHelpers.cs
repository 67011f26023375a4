using System.Globalization;
using System.Text;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Templates;

/// <summary>
/// The functions templates may call besides Scriban's string, array and math builtins. Each takes
/// and returns plain values; none reads a file, the clock or the network. docs/templates.md lists them.
/// </summary>
public static class TemplateHelpers
{
    private const string Escaped = "\\`*_[]<>|#~!{}&";

    /// <summary><c>md</c>: text made safe for Markdown: punctuation that Markdown would act on is escaped, line breaks become spaces.</summary>
    public static string Md(object? value)
    {
        var text = Text(value);
        if (text.Length == 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 8);
        if (text[0] is '-' or '+' or '=')
        {
            result.Append('\\');
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r')
            {
                continue;
            }

            if (c is '\n' or '\t')
            {
                result.Append(' ');
                continue;
            }

            // "1." at the start would become a numbered list.
            if (Escaped.Contains(c, StringComparison.Ordinal) || (c is '.' or ')' && i > 0 && IsLeadingNumber(text, i) && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                result.Append('\\');
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary><c>cell</c>: like <c>md</c>, for a table cell; an empty value becomes a dash so the cell is not blank.</summary>
    public static string Cell(object? value)
    {
        var text = Md(value).Trim();
        return text.Length == 0 ? "–" : text;
    }

    /// <summary><c>code</c>: the value as inline code (ids, hashes, paths), with enough backticks to hold any inside it.</summary>
    public static string Code(object? value)
    {
        var text = Text(value).ReplaceLineEndings(" ");
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var fence = new string('`', LongestRun(text, '`') + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return $"{fence}{pad}{text}{pad}{fence}";
    }

    /// <summary>How many leading hex digits <c>short</c> keeps: enough that two files of one binder never share them in practice.</summary>
    public const int ShortHashLength = 12;

    /// <summary><c>short</c>: the first 12 characters of a SHA-256, as tables print it; the binder's hash appendix maps it to the full hash.</summary>
    public static string Short(object? value)
    {
        var text = Text(value);
        return text.Length <= ShortHashLength ? text : text[..ShortHashLength];
    }

    /// <summary><c>plural</c>: "1 control", "3 controls".</summary>
    public static string Plural(object? count, string noun)
    {
        var n = Convert.ToInt64(count ?? 0, CultureInfo.InvariantCulture);
        return $"{Number(n)} {noun}{(n == 1 ? string.Empty : "s")}";
    }

    /// <summary><c>number</c>: 200000 as "200,000".</summary>
    public static string Number(object? value) =>
        Convert.ToInt64(value ?? 0, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary><c>bytes</c>: a size for people, "5.5 KB".</summary>
    public static string Bytes(object? value)
    {
        var n = Convert.ToDouble(value ?? 0, CultureInfo.InvariantCulture);
        string[] units = ["bytes", "KB", "MB", "GB"];
        var unit = 0;
        while (n >= 1024 && unit < units.Length - 1)
        {
            n /= 1024;
            unit++;
        }

        return unit == 0 ? $"{n:0} bytes" : string.Create(CultureInfo.InvariantCulture, $"{n:0.#} {units[unit]}");
    }

    /// <summary><c>anchor</c>: the heading anchor of a text, as headings without an explicit anchor get it.</summary>
    public static string Anchor(object? value) => Anchors.Slug(Text(value));

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsLeadingNumber(string text, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int LongestRun(string text, char c)
    {
        int longest = 0, run = 0;
        foreach (var x in text)
        {
            run = x == c ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}

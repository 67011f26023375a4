using System.Text.RegularExpressions;

namespace Evidence.Core.Yaml;

/// <summary>
/// Finds a tab in the indentation of a key or list item. YAML forbids it, and the parser reports it far from the
/// line (at 1:1, or where the structure it broke ends), so the loader names the line itself.
/// </summary>
internal static partial class TabIndentation
{
    /// <summary>The 1-based line and column of the first tab that indents a key or a list item, if any.</summary>
    public static (int Line, int Column)? Find(string text)
    {
        var match = Indented().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var tab = match.Groups["indent"].Index + match.Groups["indent"].Value.IndexOf('\t', StringComparison.Ordinal);
        var before = text.AsSpan(0, tab);
        var line = before.Count('\n') + 1;
        return (line, tab - before.LastIndexOf('\n'));
    }

    // A line whose leading whitespace holds a tab and whose content starts like a key ("name:") or a list item ("- ").
    [GeneratedRegex(@"^(?<indent>[ ]*\t[ \t]*)(?:-[ \t]|[A-Za-z_][\w-]*:)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Indented();
}

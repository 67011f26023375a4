using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Markdown;

/// <summary>Reads the bodies of the custom fenced blocks: <c>```cover</c> and <c>```rows</c>, both made of <c>key: value</c> lines.</summary>
internal static class FencedBlockReader
{
    private static readonly string[] RowsKeys = ["run", "item", "filter", "columns", "caption"];

    /// <summary>A cover: <c>title:</c>, <c>subtitle:</c>, then any <c>Label: value</c> lines in order.</summary>
    public static CoverPage Cover(IReadOnlyList<string> lines, int line)
    {
        string? title = null, subtitle = null;
        var rows = new List<KeyValuePair<string, string>>();
        foreach (var (key, value, _) in Pairs(lines, line, "cover"))
        {
            switch (key)
            {
                case "title": title = value; break;
                case "subtitle": subtitle = value; break;
                default: rows.Add(new(key, value)); break;
            }
        }

        return title is null
            ? throw new MarkdownException(line, "a ```cover block needs a 'title:' line")
            : new CoverPage(title, subtitle, rows);
    }

    public static RowsSpec Rows(IReadOnlyList<string> lines, int line)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, at) in Pairs(lines, line, "rows"))
        {
            if (!RowsKeys.Contains(key))
            {
                throw new MarkdownException(at, $"unknown key '{key}' in a ```rows block; use {string.Join(", ", RowsKeys)}");
            }

            if (!values.TryAdd(key, value))
            {
                throw new MarkdownException(at, $"'{key}' is given twice in a ```rows block");
            }
        }

        var run = values.GetValueOrDefault("run") ?? throw new MarkdownException(line, "a ```rows block needs 'run:' (the evidence run id)");
        var item = values.GetValueOrDefault("item") ?? throw new MarkdownException(line, "a ```rows block needs 'item:' (the evidence item id)");
        var filter = values.GetValueOrDefault("filter") ?? "non-compliant";
        if (!RowsSpec.Filters.Contains(filter))
        {
            throw new MarkdownException(line, $"filter '{filter}' in a ```rows block is not one of {string.Join(", ", RowsSpec.Filters)}");
        }

        var columns = values.TryGetValue("columns", out var list)
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : RowsSpec.DefaultColumns;
        return new RowsSpec(run, item, filter, columns, values.GetValueOrDefault("caption"), line);
    }

    private static IEnumerable<(string Key, string Value, int Line)> Pairs(IReadOnlyList<string> lines, int firstLine, string block)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var at = firstLine + 1 + i;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new MarkdownException(at, $"'{text}' in a ```{block} block is not a 'Label: value' line");
            }

            yield return (text[..colon].Trim(), text[(colon + 1)..].Trim(), at);
        }
    }
}

using System.Text;
using Evidence.Core.Scanning;

namespace Evidence.Rendering.Redaction;

/// <summary>
/// Scans the Markdown a template rendered as a reader will see it: the backslashes of Markdown escapes
/// (<c>ghp\_…</c>, <c>\[</c>) are taken out before scanning, and each hit is mapped back to the Markdown, so a
/// value is found however the template escaped it and replaced whole.
/// </summary>
public static class MarkdownScan
{
    private const string Escapable = "\\`*_{}[]<>()#+-.!|~&";

    /// <summary>The hits in <paramref name="markdown"/>, offsets and lengths in the Markdown itself.</summary>
    public static IReadOnlyList<ScanHit> Scan(Scanner scanner, string markdown)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(markdown);
        var view = new StringBuilder(markdown.Length);
        var map = new int[markdown.Length + 1];
        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] == '\\' && i + 1 < markdown.Length && Escapable.Contains(markdown[i + 1], StringComparison.Ordinal))
            {
                i++;
            }

            map[view.Length] = i;
            view.Append(markdown[i]);
        }

        map[view.Length] = markdown.Length;
        var hits = scanner.Scan(view.ToString());
        return hits.Select(h =>
        {
            var start = map[h.Offset];
            var end = map[h.Offset + h.Length - 1] + 1;
            return h with { Offset = start, Length = end - start };
        }).ToList();
    }

    /// <summary>The Markdown with each hit replaced by its marker, escaped so that it reads as text.</summary>
    public static string Redact(string markdown, IReadOnlyList<ScanHit> hits)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(hits);
        var builder = new StringBuilder(markdown.Length);
        var at = 0;
        foreach (var hit in hits)
        {
            builder.Append(markdown, at, hit.Offset - at).Append(Escaped(hit.Marker));
            at = hit.Offset + hit.Length;
        }

        return builder.Append(markdown, at, markdown.Length - at).ToString();
    }

    private static string Escaped(string marker) => marker.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}

using System.Text.RegularExpressions;

namespace Evidence.Core.Catalog;

/// <summary>
/// Orders citations as the regulation does: (a)(1) before (a)(2) before (a)(10), and roman
/// numerals (i), (ii), (iv) in their numeric order.
/// </summary>
internal sealed partial class CitationComparer : IComparer<string>
{
    public static CitationComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return Comparer<string>.Default.Compare(x, y);
        }

        var a = Parts(x);
        var b = Parts(y);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var result = a[i].CompareTo(b[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    private static List<(int Rank, string Text)> Parts(string citation)
    {
        var parts = new List<(int, string)>();
        var open = citation.IndexOf('(', StringComparison.Ordinal);
        parts.Add((0, open < 0 ? citation : citation[..open]));
        foreach (Match match in Segment().Matches(citation))
        {
            parts.Add(Rank(match.Groups[1].Value));
        }

        return parts;
    }

    private static (int, string) Rank(string segment)
    {
        if (int.TryParse(segment, out var number))
        {
            return (number, string.Empty);
        }

        var roman = Roman(segment);
        return roman > 0 ? (roman, string.Empty) : (0, segment);
    }

    private static int Roman(string text)
    {
        var values = new Dictionary<char, int> { ['i'] = 1, ['v'] = 5, ['x'] = 10 };
        if (text.Length == 0 || text.Any(c => !values.ContainsKey(c)))
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = values[text[i]];
            total += i + 1 < text.Length && values[text[i + 1]] > value ? -value : value;
        }

        return total;
    }

    [GeneratedRegex(@"\(([^)]+)\)")]
    private static partial Regex Segment();
}

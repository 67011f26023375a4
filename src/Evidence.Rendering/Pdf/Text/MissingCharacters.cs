using System.Globalization;
using System.Text;

namespace Evidence.Rendering.Pdf.Text;

/// <summary>Characters no installed font has, each with the sections it was met in, in the order first met.</summary>
internal sealed class MissingCharacters
{
    private const int MaxSectionsEach = 3;

    private readonly Dictionary<int, List<string>> sections = [];
    private readonly List<int> order = [];

    public int Count => order.Count;

    public void Add(int codePoint, string section)
    {
        if (!sections.TryGetValue(codePoint, out var list))
        {
            list = [];
            sections.Add(codePoint, list);
            order.Add(codePoint);
        }

        if (list.Count <= MaxSectionsEach && !list.Contains(section))
        {
            list.Add(section);
        }
    }

    /// <summary>"U+E000, U+E001 (in "164.308(a)(1) Security management"), U+10FFFD (in "Cover", "Contents" and more)".</summary>
    public string Describe()
    {
        // Characters met in the same sections are listed together, groups in the order first met.
        var groups = order.GroupBy(c => Places(sections[c]), StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var group in groups)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.AppendJoin(", ", group.Select(c => string.Create(CultureInfo.InvariantCulture, $"U+{c:X4}")));
            text.Append(group.Key);
        }

        return text.ToString();
    }

    private static string Places(List<string> list)
    {
        var named = list.Where(s => s.Length > 0).Take(MaxSectionsEach).Select(p => "\"" + p + "\"").ToList();
        return named.Count == 0 ? string.Empty
            : " (in " + string.Join(", ", named) + (list.Count > MaxSectionsEach ? " and more)" : ")");
    }
}

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

    /// <summary>"U+E000 (in "164.308(a)(1) Security management"), U+10FFFD (in "Cover", "Contents" and more)".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        foreach (var codePoint in order)
        {
            if (text.Length > 0)
            {
                text.Append(", ");
            }

            text.Append(CultureInfo.InvariantCulture, $"U+{codePoint:X4}");
            var places = sections[codePoint].Where(s => s.Length > 0).Take(MaxSectionsEach).ToList();
            if (places.Count > 0)
            {
                text.Append(" (in ").AppendJoin(", ", places.Select(p => "\"" + p + "\""));
                text.Append(sections[codePoint].Count > MaxSectionsEach ? " and more)" : ")");
            }
        }

        return text.ToString();
    }
}

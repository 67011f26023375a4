using System.Text;
using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Every heading of the document, found before the body is written: the TOC near the top must
/// list headings that come later, and links may point forward. Only <see cref="Document.Blocks"/>
/// is scanned; table rows, which are streamed and may be read once only, hold no headings.
/// </summary>
internal sealed class DocxOutline
{
    // Word's limit on bookmark names is 40 characters; the prefix hides ours from Word's bookmark list.
    private const int MaxBookmarkLength = 40;
    private const string Prefix = "_h_";

    private readonly Dictionary<string, string> _bookmarksByAnchor = new(StringComparer.Ordinal);
    private readonly Dictionary<Heading, string> _bookmarksByHeading = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<TocEntry> _entries = [];

    private DocxOutline()
    {
    }

    /// <summary>The outline headings in document order.</summary>
    public IReadOnlyList<TocEntry> Entries => _entries;

    public static DocxOutline Scan(IEnumerable<Block> blocks)
    {
        var outline = new DocxOutline();
        outline.Add(blocks);
        return outline;
    }

    /// <summary>The bookmark a <c>#anchor</c> link goes to, or null when no heading has that anchor.</summary>
    public string? BookmarkForAnchor(string anchor) => _bookmarksByAnchor.GetValueOrDefault(anchor);

    /// <summary>The bookmark to place around this heading; null for a second heading that repeats an anchor.</summary>
    public string? BookmarkOf(Heading heading) => _bookmarksByHeading.GetValueOrDefault(heading);

    private void Add(IEnumerable<Block> blocks)
    {
        foreach (var heading in BlockWalk.Headings(blocks))
        {
            Add(heading);
        }
    }

    private void Add(Heading heading)
    {
        if (_bookmarksByAnchor.ContainsKey(heading.Anchor))
        {
            return;
        }

        var name = UniqueName(heading.Anchor);
        _bookmarksByAnchor.Add(heading.Anchor, name);
        _bookmarksByHeading.Add(heading, name);
        if (heading.InOutline)
        {
            _entries.Add(new TocEntry(Math.Clamp(heading.Level, 1, 3), InlineText.Of(heading.Content), name, heading.Anchor));
        }
    }

    /// <summary>
    /// A readable, valid bookmark name from the anchor: letters, digits and underscores, cut to fit
    /// the limit, with a number added when two anchors come out the same.
    /// </summary>
    private string UniqueName(string anchor)
    {
        var stem = new StringBuilder(Prefix);
        foreach (var c in anchor)
        {
            if (stem.Length >= MaxBookmarkLength - 6)
            {
                break;
            }

            stem.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var name = stem.ToString();
        for (var n = 2; !_names.Add(name); n++)
        {
            name = $"{stem}_{n}";
        }

        return name;
    }
}

namespace Evidence.Rendering;

/// <summary>
/// Where the PDF layout puts each heading of a document: the page (from 1) of each anchor, and the
/// page count. The Word writer prints these pages in its contents, and the SSP names the binder
/// page where each control's evidence starts. Word lays pages out itself, so there they are estimates.
/// </summary>
public sealed class DocumentPages
{
    private readonly Dictionary<string, int> pages;

    /// <summary>Pages by heading anchor; the first heading with an anchor keeps it.</summary>
    public DocumentPages(IEnumerable<KeyValuePair<string, int>> anchors, int count)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        pages = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (anchor, page) in anchors)
        {
            pages.TryAdd(anchor, page);
        }

        Count = count;
    }

    /// <summary>How many pages the PDF has.</summary>
    public int Count { get; }

    /// <summary>Every anchor with its page.</summary>
    public IReadOnlyDictionary<string, int> ByAnchor => pages;

    /// <summary>The page (from 1) where the heading with this anchor is, or null when no heading has it.</summary>
    public int? PageOf(string anchor) => pages.TryGetValue(anchor, out var page) ? page : null;
}

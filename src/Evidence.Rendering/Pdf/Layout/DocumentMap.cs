namespace Evidence.Rendering.Pdf.Layout;

/// <summary>What the layout learned that only the finishing steps can use: where headings, links and TOC entries are.</summary>
internal sealed class DocumentMap
{
    private readonly Dictionary<int, HeadingPlace> headings = [];
    private readonly Dictionary<string, HeadingPlace> anchors = new(StringComparer.Ordinal);

    /// <summary>Headings in document order.</summary>
    public List<HeadingPlace> Headings { get; } = [];

    public List<LinkArea> Links { get; } = [];

    public List<TocLine> TocLines { get; } = [];

    /// <summary>Where the pages internal links point to are drawn, after their text.</summary>
    public List<PageReference> PageReferences { get; } = [];

    /// <summary>Text set in a fallback font, drawn once the document's glyphs are all known.</summary>
    public List<FallbackRun> FallbackRuns { get; } = [];

    public void Add(HeadingPlace place)
    {
        Headings.Add(place);
        headings[place.Ordinal] = place;
        anchors.TryAdd(place.Anchor, place);
    }

    public HeadingPlace? Heading(int ordinal) => headings.GetValueOrDefault(ordinal);

    /// <summary>The heading an internal link (<c>#anchor</c>) points to.</summary>
    public HeadingPlace? Anchor(string target) =>
        anchors.GetValueOrDefault(target.StartsWith('#') ? target[1..] : target);
}

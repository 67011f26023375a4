namespace Evidence.Rendering.Documents;

/// <summary>A block-level element of a document.</summary>
public abstract record Block;

/// <summary>A heading. <paramref name="Anchor"/> is unique in the document; links and the TOC point to it.</summary>
public sealed record Heading(int Level, IReadOnlyList<Inline> Content, string Anchor) : Block
{
    /// <summary>False for headings that must not appear in the TOC or bookmarks (the cover's title, say).</summary>
    public bool InOutline { get; init; } = true;
}

/// <summary>A paragraph of inline content.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block
{
    public ParagraphStyle Style { get; init; } = ParagraphStyle.Normal;
}

/// <summary>Paragraph roles the writers map to their own styles.</summary>
public enum ParagraphStyle
{
    Normal,

    /// <summary>A table or figure caption.</summary>
    Caption,

    /// <summary>Fine print: notes under tables, the binder's hash lines.</summary>
    Small,

    /// <summary>A highlighted statement: "Not collected", "Stale", warnings.</summary>
    Callout,
}

/// <summary>A bulleted or numbered list; each item holds blocks (usually one paragraph).</summary>
public sealed record ListBlock(bool Ordered, IReadOnlyList<IReadOnlyList<Block>> Items) : Block;

/// <summary>Preformatted text in a monospaced font (query expressions, JSON excerpts).</summary>
public sealed record CodeBlock(string Text) : Block;

/// <summary>A horizontal rule.</summary>
public sealed record ThematicBreak : Block;

/// <summary>Starts a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>The table of contents: every outline heading up to <paramref name="MaxLevel"/>, with page numbers in PDF and a TOC field in DOCX.</summary>
public sealed record TableOfContents(int MaxLevel) : Block;

/// <summary>
/// A cover page: title, subtitle and labelled lines (system, organization, version, as-of),
/// followed by a page break.
/// </summary>
public sealed record CoverPage(string Title, string? Subtitle, IReadOnlyList<KeyValuePair<string, string>> Lines) : Block;

/// <summary>Walks of a document's blocks that every writer needs alike.</summary>
public static class BlockWalk
{
    /// <summary>Every heading in the order a writer meets them, those inside list items included.</summary>
    public static IEnumerable<Heading> Headings(IEnumerable<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    yield return heading;
                    break;
                case ListBlock list:
                    foreach (var heading in list.Items.SelectMany(Headings))
                    {
                        yield return heading;
                    }

                    break;
            }
        }
    }
}

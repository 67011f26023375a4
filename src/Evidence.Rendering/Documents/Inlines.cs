namespace Evidence.Rendering.Documents;

/// <summary>Inline content of paragraphs, headings and cells.</summary>
public abstract record Inline;

/// <summary>A run of text with emphasis. Writers must break long unbroken tokens (ARNs, ids) rather than overflow.</summary>
public sealed record TextRun(string Text) : Inline
{
    public bool Bold { get; init; }

    public bool Italic { get; init; }

    /// <summary>Monospaced, for ids, hashes and paths.</summary>
    public bool Code { get; init; }
}

/// <summary>A link: to a heading anchor (<c>#anchor</c>) or an external URL.</summary>
public sealed record Link(string Target, IReadOnlyList<Inline> Content) : Inline
{
    public bool IsInternal => Target.StartsWith('#');
}

/// <summary>A hard line break inside a paragraph.</summary>
public sealed record LineBreak : Inline;

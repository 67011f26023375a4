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

/// <summary>Inline content read as plain text, as outlines, TOCs and anchors show it.</summary>
public static class InlineText
{
    /// <summary>The text of the runs, link text included; a line break becomes a space.</summary>
    public static string Of(IEnumerable<Inline> inlines)
    {
        ArgumentNullException.ThrowIfNull(inlines);
        var text = new System.Text.StringBuilder();
        Append(text, inlines);
        return text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, IEnumerable<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun run:
                    text.Append(run.Text);
                    break;
                case Link link:
                    Append(text, link.Content);
                    break;
                default:
                    text.Append(' ');
                    break;
            }
        }
    }
}

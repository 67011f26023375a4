using Evidence.Core.Scanning;

namespace Evidence.Rendering.Redaction;

/// <summary>What a document's redaction found and replaced: hits in its own text and in each attached file.</summary>
/// <param name="Text">Hits in the Markdown the template rendered, with the section each falls in.</param>
/// <param name="Attachments">Hits in attached evidence files, by attachment name.</param>
public sealed record Redactions(IReadOnlyList<SectionHit> Text, IReadOnlyList<FileHits> Attachments)
{
    public static Redactions None { get; } = new([], []);

    public int Count => Text.Count + Attachments.Sum(a => a.Hits.Count);
}

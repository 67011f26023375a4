namespace Evidence.Rendering.Documents;

/// <summary>
/// A format-neutral document: what the templates produce (through Markdown) and what the PDF and
/// DOCX writers consume. Writers read it once, front to back; tables may stream their rows.
/// </summary>
public sealed record Document(DocumentInfo Info, IReadOnlyList<Block> Blocks)
{
    /// <summary>Files embedded in the document (the binder's raw evidence), in order.</summary>
    public IReadOnlyList<Attachment> Attachments { get; init; } = [];
}

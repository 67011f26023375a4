using Evidence.Rendering.Documents;

namespace Evidence.Rendering;

/// <summary>A document as the pipeline made it: the Markdown its template rendered, and the document model for the writers.</summary>
public sealed record RenderedDocument(DocumentKind Kind, string Template, string Markdown, Document Document)
{
    /// <summary>Personal data and secrets found in the document's text and attachments (replaced, when the build redacts).</summary>
    public Redaction.Redactions Sensitive { get; init; } = Redaction.Redactions.None;
}

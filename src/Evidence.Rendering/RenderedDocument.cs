using Evidence.Rendering.Documents;

namespace Evidence.Rendering;

/// <summary>A document as the pipeline made it: the Markdown its template rendered, and the document model for the writers.</summary>
public sealed record RenderedDocument(DocumentKind Kind, string Template, string Markdown, Document Document)
{
    /// <summary>
    /// Personal data and secrets found in the document's text and attachments (replaced, when the build redacts). Waits
    /// for <see cref="Scanning"/> when the scan still runs, or until <paramref name="stop"/>; a scan that failed throws its exception.
    /// </summary>
    public Redaction.Redactions WaitForScan(CancellationToken stop = default)
    {
        try
        {
            Scanning.Wait(stop);
        }
        catch (AggregateException)
        {
            // Thrown below as itself.
        }

        return Scanning.GetAwaiter().GetResult();
    }

    /// <summary>
    /// The scan of the document's text and attachments. When the build only reports what it finds (no <c>--redact</c>),
    /// nothing the scan finds changes the document, so it runs beside the rest of the build (the other document, the
    /// pagination) until the gate asks for its answer.
    /// </summary>
    public Task<Redaction.Redactions> Scanning { get; init; } = Task.FromResult(Redaction.Redactions.None);
}

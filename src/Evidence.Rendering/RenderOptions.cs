namespace Evidence.Rendering;

/// <summary>Choices that are not part of the document itself.</summary>
public sealed record RenderOptions
{
    /// <summary>A TrueType font file to use instead of searching the system's fonts.</summary>
    public string? FontFile { get; init; }

    /// <summary>Encrypts the PDF with AES-256 when set. Never taken from the command line, only from an environment variable.</summary>
    public string? PdfPassword { get; init; }

    /// <summary>
    /// Told, once per document and in one line, what the writer could not render faithfully but
    /// rendered anyway (characters no installed font has). Null: nobody listens.
    /// </summary>
    public Action<string>? Warning { get; init; }

    /// <summary>
    /// Where the PDF layout of the same document puts each heading (<see cref="Pdf.PdfDocumentWriter.Paginate"/>).
    /// The Word writer prints these pages in its contents until Word updates the field; null: the contents list titles only.
    /// </summary>
    public DocumentPages? Pages { get; init; }

    /// <summary>
    /// Told by a writer that lays out pages (the PDF writer), once the layout is done, where each heading landed:
    /// what <see cref="Pdf.PdfDocumentWriter.Paginate"/> would say, without a layout of its own. Null: nobody listens.
    /// </summary>
    public Action<DocumentPages>? Paginated { get; init; }
}

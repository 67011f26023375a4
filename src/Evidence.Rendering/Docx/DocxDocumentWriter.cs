using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes a <see cref="Document"/> as a Word document (.docx): Word's own styles, a table of
/// contents that Word refreshes on open, a running header and footer with page numbers, and
/// tables whose header row repeats on every page. Tables are streamed, so a binder of hundreds of
/// thousands of rows is written in flat memory. The same document always gives the same bytes.
/// </summary>
/// <remarks>Attachments are not embedded: a DOCX has no place for them, and the binder's text lists them.</remarks>
public sealed class DocxDocumentWriter : IDocumentWriter
{
    /// <inheritdoc />
    public string Extension => "docx";

    /// <inheritdoc />
    public void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        DocxComposer.Write(document, output, progress);
    }
}

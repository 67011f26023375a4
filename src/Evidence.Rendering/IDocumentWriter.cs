using Evidence.Rendering.Documents;

namespace Evidence.Rendering;

/// <summary>Writes a <see cref="Document"/> in one file format. Writers read only the document: no clock, no cloud, no workspace.</summary>
public interface IDocumentWriter
{
    /// <summary>The file extension without the dot: <c>pdf</c> or <c>docx</c>.</summary>
    string Extension { get; }

    /// <summary>
    /// Whether the file carries the bytes of the document's <see cref="Document.Attachments"/> (a PDF embeds them; Word and
    /// Markdown name them with their hashes). A build scans the attached files for personal data only when one does.
    /// </summary>
    bool EmbedsAttachments { get; }

    /// <summary>Writes the whole document to <paramref name="output"/>. The same document and options give the same bytes.</summary>
    void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null);
}

using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Pdf;

/// <summary>The PDF could not be written as asked; the message says why and what to do.</summary>
public sealed class PdfRenderException : Exception
{
    public PdfRenderException()
    {
    }

    public PdfRenderException(string message)
        : base(message)
    {
    }

    public PdfRenderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A figure's picture passed the header checks, but the PDF writer cannot decode it.</summary>
    public static PdfRenderException FigureUndrawable(string source, Exception cause) =>
        new("Cannot draw the diagram '" + source + "' (" + cause.Message + "); export it again as a PNG with 8 bits per channel.", cause);

    /// <summary>An attachment's file cannot be read.</summary>
    public static PdfRenderException AttachmentUnreadable(Attachment attachment, Exception cause) =>
        new("Cannot embed '" + attachment.Name + "': " + attachment.Path + " cannot be read (" + cause.Message + ").", cause);

    /// <summary>
    /// An attachment's file no longer has the SHA-256 the evidence index recorded: embedding it
    /// would hand over a binder whose hashes do not verify.
    /// </summary>
    public static PdfRenderException AttachmentChanged(Attachment attachment, string actualSha256) =>
        new("Cannot embed '" + attachment.Name + "': " + attachment.Path + " has SHA-256 " + actualSha256 +
            " but the evidence index records " + attachment.Sha256 + ". The file changed after it was collected; collect the evidence again.");
}

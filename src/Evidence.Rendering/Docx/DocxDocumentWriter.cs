using Evidence.Rendering.Documents;
using Evidence.Rendering.Fonts;
using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Writes a <see cref="Document"/> as a Word document (.docx): Word's own styles, a table of
/// contents with the PDF's page numbers (<see cref="RenderOptions.Pages"/>) that Word refreshes on open, a running header and footer with page numbers, and
/// tables whose header row repeats on every page, their columns sized as the PDF sizes them.
/// Tables are streamed, so a binder of hundreds of thousands of rows is written in flat memory.
/// The same document always gives the same bytes.
/// </summary>
/// <remarks>Attachments are not embedded: a DOCX has no place for them, and the binder's text lists them.</remarks>
public sealed class DocxDocumentWriter : IDocumentWriter
{
    private readonly FontLocator fontLocator;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LocatedFonts?> located = new(StringComparer.Ordinal);
    private readonly Lazy<FallbackFaces> fallbacks;

    /// <summary>A writer that measures table text with fonts from the system's usual font folders.</summary>
    public DocxDocumentWriter()
        : this(new FontLocator())
    {
    }

    /// <summary>A writer that measures table text with fonts found by <paramref name="fontLocator"/>.</summary>
    public DocxDocumentWriter(FontLocator fontLocator)
    {
        ArgumentNullException.ThrowIfNull(fontLocator);
        this.fontLocator = fontLocator;
        fallbacks = new Lazy<FallbackFaces>(fontLocator.LocateFallbacks);
    }

    /// <inheritdoc />
    public string Extension => "docx";

    public bool EmbedsAttachments => false;

    /// <inheritdoc />
    /// <exception cref="FontNotFoundException">The font setting names a file that is missing or not TrueType.</exception>
    public void Write(Document document, Stream output, RenderOptions options, IProgress<RenderProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var fonts = located.GetOrAdd(options.FontFile ?? string.Empty, Locate);
        using var measure = fonts is null ? null : new PdfFonts(fonts, fallbacks.Value);
        DocxComposer.Write(document, output, measure, options.Pages, progress);
    }

    // A Word file needs no font of its own: with none installed, columns follow their hints alone.
    // A font the user named and that cannot be used is an error, as it is for the PDF.
    private LocatedFonts? Locate(string file)
    {
        if (file.Length > 0)
        {
            return fontLocator.Locate(file);
        }

        try
        {
            return fontLocator.Locate();
        }
        catch (FontNotFoundException)
        {
            return null;
        }
    }
}

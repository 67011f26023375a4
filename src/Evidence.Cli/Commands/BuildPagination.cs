using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Model;
using Evidence.Rendering.Pdf;

namespace Evidence.Cli.Commands;

/// <summary>
/// Page numbers one document needs from the PDF layout of another, or of itself: the SSP names the binder
/// page of each control, and the Word files print the PDF's pages in their contents. Each document is laid
/// out once, whatever asks for its pages; the layout is the PDF writer's, so the numbers are the PDF's. When the
/// build writes the binder's PDF, its pages are taken from that write (a 200,000-row binder takes seconds to lay
/// out), and the SSP is rendered again with them before it is written.
/// </summary>
internal sealed class BuildPagination(PdfDocumentWriter? pdf, RenderOptions options)
{
    private readonly Dictionary<Document, DocumentPages> pages = new(ReferenceEqualityComparer.Instance);
    private DocumentPipeline? pipeline;
    private TemplateModel? model;
    private RenderedDocument? binder;
    private RenderedDocument? ssp;

    /// <summary>Where the PDF puts each heading of <paramref name="document"/>; null without a PDF writer.</summary>
    public DocumentPages? Of(Document document)
    {
        if (pdf is null)
        {
            return null;
        }

        if (!pages.TryGetValue(document, out var found))
        {
            var timer = new PhaseTimer("pages");
            found = pdf.Paginate(document, options);
            pages.Add(document, found);
            timer.Lap("layout");
        }

        return found;
    }

    /// <summary>Keeps the pages a PDF write laid <paramref name="document"/> out on, for whatever asks next.</summary>
    public void Record(Document document, DocumentPages laidOut) => pages[document] = laidOut;

    /// <summary>
    /// Renders the documents asked for, in that order. The SSP needs the binder's pages, so the binder is
    /// rendered first (and laid out even when only the SSP is written). When <paramref name="binderWritten"/> (the
    /// binder's PDF is written, before the SSP), the SSP is rendered here without them, for the checks before
    /// writing; <see cref="ToWrite"/> gives the one to write.
    /// </summary>
    public List<RenderedDocument> Render(DocumentPipeline pipeline, TemplateModel model, IReadOnlyList<DocumentKind> kinds, bool binderWritten)
    {
        var built = new Dictionary<DocumentKind, RenderedDocument>();
        if (kinds.Contains(DocumentKind.Ssp) || kinds.Contains(DocumentKind.Binder))
        {
            // Built for its pages alone (--only ssp), the binder is never written: nothing of it to gate. A redacting build
            // still redacts it, since the markers change its text and so its pages.
            var binderPipeline = kinds.Contains(DocumentKind.Binder) || pipeline.Scan is { Redact: true } ? pipeline : pipeline.Unscanned();
            built[DocumentKind.Binder] = binderPipeline.Build(DocumentKind.Binder, model);
        }

        if (kinds.Contains(DocumentKind.Ssp))
        {
            var binderPages = binderWritten ? null : Of(built[DocumentKind.Binder].Document);
            built[DocumentKind.Ssp] = pipeline.Build(DocumentKind.Ssp, model, binderPages);
            if (binderWritten)
            {
                (this.pipeline, this.model, binder) = (pipeline, model, built[DocumentKind.Binder]);
            }
        }

        return [.. kinds.Select(kind => built[kind])];
    }

    /// <summary>
    /// The document to write for <paramref name="rendered"/>: itself, except an SSP rendered before the binder's
    /// pages were known, which is rendered again with them (once, from the binder's PDF write when it is done).
    /// </summary>
    public RenderedDocument ToWrite(RenderedDocument rendered)
    {
        if (rendered.Kind != DocumentKind.Ssp || binder is null)
        {
            return rendered;
        }

        try
        {
            return ssp ??= pipeline!.Build(DocumentKind.Ssp, model!, Of(binder.Document));
        }
        catch (Evidence.Rendering.Templates.TemplateException e)
        {
            // The same template rendered a moment ago, now with binder_pages filled: it may take another branch and fail there.
            throw UserException.Template(e.Message);
        }
    }
}

using Evidence.Rendering;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf;

namespace Evidence.Cli.Commands;

/// <summary>
/// Page numbers one document needs from the PDF layout of another, or of itself: the SSP names the binder
/// page of each control, and the Word files print the PDF's pages in their contents. Each document is laid
/// out once here, whatever asks for its pages; the layout is the PDF writer's, so the numbers are the PDF's.
/// </summary>
internal sealed class BuildPagination(PdfDocumentWriter? pdf, RenderOptions options)
{
    private readonly Dictionary<Document, DocumentPages> pages = new(ReferenceEqualityComparer.Instance);

    /// <summary>Where the PDF puts each heading of <paramref name="document"/>; null without a PDF writer.</summary>
    public DocumentPages? Of(Document document)
    {
        if (pdf is null)
        {
            return null;
        }

        if (!pages.TryGetValue(document, out var found))
        {
            found = pdf.Paginate(document, options);
            pages.Add(document, found);
        }

        return found;
    }

    /// <summary>
    /// Renders the documents asked for, in that order. The SSP needs the binder's pages, so the binder is
    /// rendered first (and laid out even when only the SSP is written).
    /// </summary>
    public List<RenderedDocument> Render(DocumentPipeline pipeline, Evidence.Rendering.Model.TemplateModel model, IReadOnlyList<DocumentKind> kinds)
    {
        var built = new Dictionary<DocumentKind, RenderedDocument>();
        if (kinds.Contains(DocumentKind.Ssp) || kinds.Contains(DocumentKind.Binder))
        {
            built[DocumentKind.Binder] = pipeline.Build(DocumentKind.Binder, model);
        }

        if (kinds.Contains(DocumentKind.Ssp))
        {
            built[DocumentKind.Ssp] = pipeline.Build(DocumentKind.Ssp, model, Of(built[DocumentKind.Binder].Document));
        }

        return [.. kinds.Select(kind => built[kind])];
    }
}

using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Pdf.Layout;

/// <summary>What every block renderer shares during one write.</summary>
internal sealed class LayoutContext(PageFlow flow, TextPainter painter, DocumentMap map, ProgressCounter progress, IReadOnlyList<HeadingEntry> headings)
{
    private int nextHeading;

    public PageFlow Flow => flow;

    public TextPainter Painter => painter;

    public PdfFonts Fonts => painter.Fonts;

    public Palette Palette => painter.Palette;

    public DocumentMap Map => map;

    public ProgressCounter Progress => progress;

    /// <summary>All headings of the document, found before layout.</summary>
    public IReadOnlyList<HeadingEntry> Headings => headings;

    /// <summary>The ordinal of the next heading met (the same order <see cref="HeadingIndex"/> used).</summary>
    public int TakeHeadingOrdinal() => nextHeading++;
}

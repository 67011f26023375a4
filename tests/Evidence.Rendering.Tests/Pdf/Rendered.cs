using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Evidence.Rendering.Tests.Pdf;

/// <summary>A document written by the PDF writer and read back with PdfPig.</summary>
internal sealed class Rendered : IDisposable
{
    private Rendered(byte[] bytes)
    {
        Bytes = bytes;
        Pdf = PdfDocument.Open(bytes);
    }

    public byte[] Bytes { get; }

    public PdfDocument Pdf { get; }

    public static Rendered Write(Document document, RenderOptions? options = null) => new(WriteBytes(document, options));

    public static byte[] WriteBytes(Document document, RenderOptions? options = null, IProgress<RenderProgress>? progress = null)
    {
        using var output = new MemoryStream();
        new PdfDocumentWriter().Write(document, output, options ?? new RenderOptions(), progress);
        return output.ToArray();
    }

    public IEnumerable<Page> Pages => Pdf.GetPages();

    /// <summary>The page's text lines, top to bottom, each its words joined by single spaces.</summary>
    public static IReadOnlyList<string> Lines(Page page) =>
        [.. page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))];

    /// <summary>The body's lines: without the running header and footer.</summary>
    public static IReadOnlyList<string> BodyLines(Page page) => [.. Lines(page).Skip(1).SkipLast(1)];

    /// <summary>The 1-based number of the first page whose body has a line equal to <paramref name="line"/>, after page <paramref name="after"/>.</summary>
    public int PageWithLine(string line, int after = 0) =>
        Pages.First(p => p.Number > after && BodyLines(p).Contains(line)).Number;

    /// <summary>All the page's text with whitespace removed (to find tokens that were broken across lines).</summary>
    public static string Squeezed(Page page) => string.Concat(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).Select(l => l.Value));

    public void Dispose() => Pdf.Dispose();
}

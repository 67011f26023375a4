using Evidence.Rendering.Documents;
using Evidence.Rendering.Theme;
using Evidence.Rendering.Tests.Pdf;
using UglyToad.PdfPig;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>
/// The sample SSP's Word file as LibreOffice lays it out: about as many pages as the PDF, every section
/// heading present, no table header broken inside a word, every table inside the page, and the contents
/// listed with page numbers.
/// </summary>
public sealed class SspInLibreOfficeTests
{
    private static readonly Lazy<(Document Document, int PdfPages, IReadOnlyList<string> Lines, int Pages, byte[] Bytes)> Converted = new(() =>
    {
        var document = SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document;
        using var pdf = Rendered.Write(document);
        var pages = new Evidence.Rendering.Pdf.PdfDocumentWriter().Paginate(document, new RenderOptions());
        var bytes = LibreOffice.ConvertToPdf(DocxFile.Write(document, new RenderOptions { Pages = pages }));
        using var word = PdfDocument.Open(bytes);
        var lines = word.GetPages().SelectMany(Rendered.Lines).ToList();
        return (document, pdf.Pages.Count(), lines, word.NumberOfPages, bytes);
    });

    [Fact]
    public void EveryTopLevelHeadingSurvivesTheConversion()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var (document, _, lines, _, _) = Converted.Value;
        var headings = document.Blocks.OfType<Heading>().Where(h => h.Level == 1).Select(h => InlineText.Of(h.Content)).ToList();

        Assert.Contains("Shared responsibility with the cloud providers", headings);
        // A long heading wraps (in the PDF too): its lines read as one.
        var text = string.Join(' ', lines);
        Assert.All(headings, h => Assert.Contains(h, text, StringComparison.Ordinal));
    }

    [Fact]
    public void TheWordFileRunsToAboutAsManyPagesAsThePdf()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var (_, pdfPages, _, pages, _) = Converted.Value;

        // One theme feeds both writers; Word's own line breaking and table layout still differ a little.
        Assert.InRange(pages, pdfPages * 3 / 4, pdfPages * 5 / 4);
    }

    [Fact]
    public void TheNewTablesHeadersAreNotBrokenInsideAWord()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var lines = Converted.Value.Lines;

        Assert.Contains(lines, l => l.StartsWith("Version Date Author Changes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Role Name Signature Date", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Citation Title Carried", StringComparison.Ordinal) && l.EndsWith("Sources", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Split(' ').Contains("Custome"));
    }

    [Fact]
    public void NoTableHeaderIsBrokenInsideAWord()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var (document, _, _, _, bytes) = Converted.Value;
        var headerWords = document.Blocks.OfType<Table>()
            .SelectMany(t => t.Columns)
            .SelectMany(c => c.Header.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 4)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Severity", headerWords);

        // A word cut in two leaves its head in a cell and its tail right under it, at the same left edge.
        using var word = PdfDocument.Open(bytes);
        var broken = new List<string>();
        foreach (var page in word.GetPages())
        {
            var words = page.GetWords().ToList();
            foreach (var head in words)
            {
                foreach (var tail in words.Where(t => Math.Abs(t.BoundingBox.Left - head.BoundingBox.Left) < 1
                    && t.BoundingBox.Top < head.BoundingBox.Bottom && head.BoundingBox.Bottom - t.BoundingBox.Top < 12))
                {
                    if (headerWords.Contains(head.Text + tail.Text))
                    {
                        broken.Add($"p. {page.Number}: {head.Text}/{tail.Text}");
                    }
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void EveryTableStaysInsideThePage()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        using var word = PdfDocument.Open(Converted.Value.Bytes);

        // Tables fill the text width exactly; text beyond the margins is a table (or a cell) wider than the page allows.
        var outside = word.GetPages()
            .SelectMany(p => p.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)
                && (l.BoundingBox.Left < DocumentTheme.Margin - 1 || l.BoundingBox.Right > p.Width - DocumentTheme.Margin + 1))
                .Select(l => $"p. {p.Number}: '{l.Value}' at x {l.BoundingBox.Left:0}"))
            .Take(5)
            .ToList();
        Assert.Empty(outside);
    }

    [Fact]
    public void TheContentsListEveryTopLevelSectionWithItsPage()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var (document, pdfPages, lines, _, _) = Converted.Value;
        var sections = document.Blocks.OfType<Heading>().Where(h => h.Level == 1 && h.InOutline).Select(h => InlineText.Of(h.Content)).ToList();

        var listed = sections.Select(title => lines
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, "^" + System.Text.RegularExpressions.Regex.Escape(title) + @" ?\.{3,} ?(\d+)$"))
            .FirstOrDefault(m => m.Success)).ToList();
        Assert.All(listed, (m, i) => Assert.True(m is not null, $"'{sections[i]}' is not in the contents with a page number"));
        var numbers = listed.Select(m => int.Parse(m!.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        // Until Word updates the field, the pages are the PDF's: estimates of Word's own.
        Assert.All(numbers, n => Assert.InRange(n, 2, pdfPages));
    }
}

using Evidence.Rendering.Documents;
using Evidence.Rendering.Tests.Pdf;
using UglyToad.PdfPig;

namespace Evidence.Rendering.Tests.Docx;

/// <summary>
/// The sample SSP's Word file as LibreOffice lays it out: about as many pages as the PDF, every section
/// heading present, and the headers of the new tables whole (not broken inside a word).
/// </summary>
public sealed class SspInLibreOfficeTests
{
    private static readonly Lazy<(Document Document, int PdfPages, IReadOnlyList<string> Lines, int Pages)> Converted = new(() =>
    {
        var document = SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document;
        using var pdf = Rendered.Write(document);
        using var word = PdfDocument.Open(LibreOffice.ConvertToPdf(DocxFile.Write(document)));
        var lines = word.GetPages().SelectMany(Rendered.Lines).ToList();
        return (document, pdf.Pages.Count(), lines, word.NumberOfPages);
    });

    [Fact]
    public void EveryTopLevelHeadingSurvivesTheConversion()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var (document, _, lines, _) = Converted.Value;
        var headings = document.Blocks.OfType<Heading>().Where(h => h.Level == 1).Select(h => InlineText.Of(h.Content)).ToList();

        Assert.Contains("Shared responsibility with the cloud providers", headings);
        Assert.All(headings, h => Assert.Contains(h, lines));
    }

    [Fact]
    public void TheWordFileRunsToAboutAsManyPagesAsThePdf()
    {
        Assert.SkipUnless(LibreOffice.IsInstalled, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var (_, pdfPages, _, pages) = Converted.Value;

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
}

using System.Globalization;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfPageFurnitureTests
{
    [Fact]
    public void EveryPageCarriesTheSystemTheTitleTheMarkingTheGenerationTimeAndPageXOfY()
    {
        var document = Build.Document([.. Build.Filler(150)]);

        using var pdf = Rendered.Write(document);

        var pages = pdf.Pages.ToList();
        Assert.True(pages.Count >= 3);
        Assert.All(pages, page =>
        {
            var lines = Rendered.Lines(page);
            Assert.Equal("Acme Health Patient Portal — Evidence Binder CONFIDENTIAL", lines[0]);
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"Generated 2026-11-20 06:00:00 UTC Page {page.Number} of {pages.Count}"), lines[^1]);
        });
    }

    [Fact]
    public void TheMarkingComesFromTheDocument()
    {
        var document = Build.Document(Build.Paragraph("Body")) with { Info = Build.Info with { Marking = "CUI // SP-PRVCY" } };

        using var pdf = Rendered.Write(document);

        Assert.EndsWith("CUI // SP-PRVCY", Rendered.Lines(pdf.Pages.Single())[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheDocumentInformationCarriesTitleAuthorSubjectKeywordsAndTheAsOfDates()
    {
        using var pdf = Rendered.Write(Build.Document(Build.Paragraph("Body")));

        var info = pdf.Pdf.Information;
        Assert.Equal("Evidence Binder", info.Title);
        Assert.Equal("Acme Health", info.Author);
        Assert.Equal("HIPAA Security Rule evidence", info.Subject);
        Assert.Equal("HIPAA, binder", info.Keywords);
        Assert.Equal("D:20261120060000+00'00'", info.CreationDate);
        Assert.Equal("D:20261120060000+00'00'", info.ModifiedDate);
    }

    [Fact]
    public void ProgressIsReportedForEveryPageAndEveryThousandRows()
    {
        var reports = new Reports();
        var rows = Enumerable.Range(0, 2500).Select(i => new[] { $"row {i}", "failing" });

        Rendered.WriteBytes(Build.Document(Build.Table(["Resource", "Status"], rows)), progress: reports);

        Assert.Contains(reports.Seen, r => r.Rows == 1000);
        Assert.Contains(reports.Seen, r => r.Rows == 2000);
        Assert.Equal(2500, reports.Seen[^1].Rows);
        Assert.Equal(Enumerable.Range(1, reports.Seen[^1].Pages), reports.Seen.Select(r => r.Pages).Distinct());
    }

    private sealed class Reports : IProgress<RenderProgress>
    {
        public List<RenderProgress> Seen { get; } = [];

        public void Report(RenderProgress value) => Seen.Add(value);
    }
}

using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf.Layout;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class KeepRulesTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(299, false)]
    [InlineData(300, true)]
    [InlineData(590, true)]
    public void AForcedBreakStartsANewPageOnlyOnceThePageIsHalfFull(double used, bool honoured) =>
        Assert.Equal(honoured, KeepRules.HonoursPageBreak(used, 600));

    [Fact]
    public void APageBreakAfterAShortParagraphDoesNotLeaveTheRestOfThePageEmpty()
    {
        var document = Build.Document(Build.Paragraph("A short section."), new PageBreak(), Build.Heading(1, "Next section"), Build.Paragraph("Its text."));

        using var pdf = Rendered.Write(document);

        Assert.Equal(1, pdf.Pdf.NumberOfPages);
    }

    [Fact]
    public void APageBreakAfterMoreThanHalfAPageStartsANewPage()
    {
        var document = Build.Document([.. Build.Filler(30), new PageBreak(), Build.Heading(1, "Next section"), Build.Paragraph("Its text.")]);

        using var pdf = Rendered.Write(document);

        Assert.Equal(2, pdf.PageWithLine("Next section"));
    }

    [Theory]
    [InlineData(20, null, 40)]
    [InlineData(20, 1L, 20)]
    [InlineData(20, 50L, 40)]
    [InlineData(400, 50L, 200)]
    public void ATableStartsOnlyWhereItsFirstTwoRowsFitUpToAThirdOfAPage(double firstRow, long? rows, double expected) =>
        Assert.Equal(expected, KeepRules.OpeningRows(firstRow, rows, 600));

    [Fact]
    public void TheLastRowOfATableIsNeverAloneOnAPage()
    {
        // Enough rows that the table crosses a page, whatever the row height.
        for (var count = 30; count <= 60; count++)
        {
            // Markdown tables and evidence rows both know how many rows they hold, as here.
            var table = Build.Table(["Resource", "Status"], Enumerable.Range(0, count).Select(i => new[] { $"resource-{i}", "failing" })) with { RowCount = count };
            var document = Build.Document(table);

            using var pdf = Rendered.Write(document);

            var last = pdf.Pdf.GetPage(pdf.Pdf.NumberOfPages);
            var rows = Rendered.BodyLines(last).Count(l => l.StartsWith("resource-", StringComparison.Ordinal));
            Assert.True(pdf.Pdf.NumberOfPages == 1 || rows >= 2, $"{count} rows: the last page holds {rows} row: {string.Join(" / ", Rendered.Lines(last))}");
        }
    }
}

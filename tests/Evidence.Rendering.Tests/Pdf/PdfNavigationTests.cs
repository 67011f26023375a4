using Evidence.Rendering.Documents;
using UglyToad.PdfPig.Actions;
using UglyToad.PdfPig.Annotations;
using UglyToad.PdfPig.Outline;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfNavigationTests
{
    // Sections of different lengths, so headings land on many different pages.
    private static Document Sections()
    {
        var blocks = new List<Block>
        {
            new CoverPage("Evidence Binder", "Acme Health Patient Portal", [new("As of", "2026-11-20 06:00 UTC")]),
            new TableOfContents(2),
            new PageBreak(),
        };
        for (var s = 1; s <= 6; s++)
        {
            blocks.Add(Build.Heading(1, $"Section {s} safeguards"));
            blocks.Add(new Heading(2, [new TextRun($"Unlisted heading {s}")], $"unlisted-{s}") { InOutline = false });
            blocks.AddRange(Build.Filler(s * 7));
            for (var t = 1; t <= 3; t++)
            {
                blocks.Add(Build.Heading(2, $"Standard {s}.{t} evidence"));
                blocks.Add(Build.Table(["Resource", "Status"], Enumerable.Range(0, s * t * 5).Select(i => new[] { $"resource {i}", "failing" })));
                blocks.Add(Build.Heading(3, $"Detail {s}.{t} not in the TOC"));
                blocks.Add(Build.Paragraph("A paragraph under a level 3 heading."));
            }
        }

        return Build.Document([.. blocks]);
    }

    private static IEnumerable<string> Titles() =>
        from s in Enumerable.Range(1, 6)
        from title in new[] { $"Section {s} safeguards" }.Concat(Enumerable.Range(1, 3).Select(t => $"Standard {s}.{t} evidence"))
        select title;

    [Fact]
    public void EachTocEntryShowsThePageWhereItsHeadingIs()
    {
        using var pdf = Rendered.Write(Sections());

        var tocLines = Rendered.BodyLines(pdf.Pdf.GetPage(2));
        Assert.Equal("Contents", tocLines[0]);
        foreach (var title in Titles())
        {
            var entry = Assert.Single(tocLines, l => l.StartsWith(title + " .", StringComparison.Ordinal));
            var shown = int.Parse(entry.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(pdf.PageWithLine(title, after: 2), shown);
        }

        Assert.DoesNotContain(tocLines, l => l.StartsWith("Detail", StringComparison.Ordinal) || l.StartsWith("Unlisted", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBookmarkTreeMirrorsTheHeadings()
    {
        using var pdf = Rendered.Write(Sections());

        Assert.True(pdf.Pdf.TryGetBookmarks(out var bookmarks));
        var expected = Enumerable.Range(1, 6).Select(s => $"Section {s} safeguards(" + string.Join(",", Enumerable.Range(1, 3).Select(t => $"Standard {s}.{t} evidence(Detail {s}.{t} not in the TOC())")) + ")");
        Assert.Equal(expected, bookmarks.Roots.Select(Shape));
        foreach (var node in bookmarks.GetNodes().OfType<DocumentBookmarkNode>())
        {
            Assert.Equal(pdf.PageWithLine(node.Title, after: 2), node.PageNumber);
        }
    }

    [Fact]
    public void TocEntriesAreLinksToTheirHeadingsPage()
    {
        using var pdf = Rendered.Write(Sections());

        var toc = pdf.Pdf.GetPage(2);
        var links = Links(toc);
        var words = toc.GetWords().ToList();
        var linkedText = links.Select(link => string.Join(' ', words.Where(w => Contains(link.Rectangle, w.BoundingBox.Centroid)).OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)));
        Assert.Equal(Titles(), linkedText.Select(text => text[..text.IndexOf(" .", StringComparison.Ordinal)]));
        Assert.Equal(Titles().Select(t => pdf.PageWithLine(t, after: 2)), links.Select(l => Destination(l).PageNumber));
    }

    [Fact]
    public void AnInternalLinkNamesThePageOfItsHeading()
    {
        var document = Build.Document(
            [
                new Paragraph([new TextRun("See "), new Link("#audit-controls", [new TextRun("audit controls")]), new TextRun(" and "), new Link("https://www.hhs.gov/hipaa", [new TextRun("HHS")]), new TextRun(".")]),
                .. Build.Filler(30),
                new PageBreak(),
                .. Build.Filler(40),
                Build.Heading(1, "Audit controls", "audit-controls"),
            ]);

        using var pdf = Rendered.Write(document);

        var page = pdf.PageWithLine("Audit controls");
        Assert.Equal(3, page);
        Assert.Equal($"See audit controls (p. {page}) and HHS.", Rendered.BodyLines(pdf.Pdf.GetPage(1))[0]);
        var links = pdf.Pdf.GetPage(1).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        Assert.Equal(2, links.Count(a => a.Action is GoToAction { Destination.PageNumber: 3 }));
    }

    [Fact]
    public void AnInternalLinkJumpsToItsHeadingAndAnExternalLinkOpensItsAddress()
    {
        var document = Build.Document(
            [
                new Paragraph([new TextRun("See "), new Link("#audit-controls", [new TextRun("audit controls")]), new TextRun(" and "), new Link("https://www.hhs.gov/hipaa", [new TextRun("HHS")]), new TextRun(".")]),
                .. Build.Filler(30),
                new PageBreak(),
                Build.Heading(1, "Audit controls", "audit-controls"),
            ]);

        using var pdf = Rendered.Write(document);

        var annotations = pdf.Pdf.GetPage(1).GetAnnotations().Where(a => a.Type == AnnotationType.Link).ToList();
        // The internal link is clickable on its text and on the page it names.
        Assert.Equal(3, annotations.Count);
        Assert.Contains(annotations, a => a.Action is GoToAction { Destination.PageNumber: 2 });
        Assert.Contains(annotations, a => a.Action is UriAction { Uri: "https://www.hhs.gov/hipaa" });
    }

    [Fact]
    public void AHeadingIsNeverTheLastThingOnAPage()
    {
        var movedToNextPage = 0;
        for (var filler = 26; filler <= 38; filler++)
        {
            var blocks = Build.Filler(filler).Append(Build.Heading(2, "Kept heading")).Append(Build.Paragraph("First line after the heading.")).ToArray();
            using var pdf = Rendered.Write(Build.Document(blocks));

            var headingPage = pdf.PageWithLine("Kept heading");
            Assert.Equal(headingPage, pdf.PageWithLine("First line after the heading."));
            if (headingPage > 1 && Rendered.BodyLines(pdf.Pdf.GetPage(headingPage))[0] == "Kept heading")
            {
                movedToNextPage++;
            }
        }

        Assert.True(movedToNextPage > 0, "some heading had to move to the next page");
    }

    private static string Shape(BookmarkNode node) =>
        node.Title + "(" + string.Join(",", node.Children.Select(Shape)) + ")";

    private static List<Annotation> Links(UglyToad.PdfPig.Content.Page page) =>
        [.. page.GetAnnotations().Where(a => a.Type == AnnotationType.Link).OrderByDescending(a => a.Rectangle.Top)];

    private static UglyToad.PdfPig.Outline.Destinations.ExplicitDestination Destination(Annotation link) =>
        Assert.IsAssignableFrom<AbstractGoToAction>(link.Action).Destination;

    private static bool Contains(UglyToad.PdfPig.Core.PdfRectangle area, UglyToad.PdfPig.Core.PdfPoint point) =>
        point.X >= area.Left && point.X <= area.Right && point.Y >= area.Bottom && point.Y <= area.Top;
}

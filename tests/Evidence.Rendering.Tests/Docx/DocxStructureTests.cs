using DocumentFormat.OpenXml.Packaging;
using Evidence.Rendering.Documents;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Tests.Docx;

public sealed class DocxStructureTests
{
    private static readonly Lazy<byte[]> EveryBlock = new(() => DocxFile.Write(SampleDocuments.EveryBlock(rows: 50)));

    [Fact]
    public void HeadingsUseTheHeading1To3StylesAndDeeperLevelsUseHeading3()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);

        Assert.Equal("Heading1", StyleOf(docx, "Administrative safeguards"));
        Assert.Equal("Heading2", StyleOf(docx, "164.308(a)(1) Security management process"));
        Assert.Equal("Heading3", StyleOf(docx, "Query"));
        Assert.Equal("Heading3", StyleOf(docx, "A fourth-level heading"));
    }

    [Fact]
    public void HeadingStylesCarryOutlineLevelsSoTheTocCollectsThem()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var styles = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!);

        for (var level = 1; level <= 3; level++)
        {
            var style = styles[$"Heading{level}"];
            Assert.Equal($"heading {level}", style.StyleName!.Val!.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        }

        Assert.Contains("EvidenceTable", styles.Keys);
        Assert.Contains("Caption", styles.Keys);
        Assert.Contains("TOC1", styles.Keys);
    }

    [Fact]
    public void AHeadingLeftOutOfTheOutlineHasNoOutlineLevel()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);

        Assert.Equal("Heading2Unlisted", StyleOf(docx, "Not in the outline"));
        var style = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().Single(s => s.StyleId == "Heading2Unlisted");
        Assert.Equal(9, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
    }

    [Fact]
    public void TheTableOfContentsIsATocFieldAlreadyFilledWithTheHeadingTitles()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var body = docx.MainDocumentPart!.Document.Body!;

        var instruction = Assert.Single(body.Descendants<W.FieldCode>()).Text;
        Assert.Contains("TOC \\o \"1-3\" \\h \\z \\u", instruction, StringComparison.Ordinal);
        var entries = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "TOC1" or "TOC2" or "TOC3")
            .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value, DocxText.Of(p)))
            .ToList();
        Assert.Equal(
        [
            ("TOC1", "Administrative safeguards"),
            ("TOC2", "164.308(a)(1) Security management process"),
            ("TOC3", "Query"),
            ("TOC1", "Technical safeguards"),
            ("TOC2", "Access control"),
            ("TOC3", "A fourth-level heading"),
        ], entries);
        Assert.Equal(3, body.Descendants<W.FieldChar>().Count());
    }

    [Fact]
    public void GivenThePdfsPagesTheContentsPrintEachEntrysPageAndAreMarkedForUpdate()
    {
        var document = SampleDocuments.EveryBlock(rows: 50);
        var pages = new Evidence.Rendering.Pdf.PdfDocumentWriter().Paginate(document, new RenderOptions());
        using var docx = DocxFile.Open(DocxFile.Write(document, new RenderOptions { Pages = pages }));
        var body = docx.MainDocumentPart!.Document.Body!;

        var entries = body.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is "TOC1" or "TOC2" or "TOC3")
            .Select(DocxText.Of)
            .ToList();
        var expected = Evidence.Rendering.Documents.BlockWalk.Headings(document.Blocks)
            .Where(h => h.InOutline)
            .Select(h => $"{InlineText.Of(h.Content)}\t{pages.PageOf(h.Anchor)}")
            .ToList();
        Assert.Equal(expected, entries);
        Assert.Contains(entries, e => !e.EndsWith("\t1", StringComparison.Ordinal));
        Assert.True(body.Descendants<W.FieldChar>().First().Dirty!.Value);
    }

    [Fact]
    public void WordIsAskedToUpdateFieldsWhenItOpensTheDocument()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);

        Assert.True(docx.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<W.UpdateFieldsOnOpen>()!.Val!.Value);
    }

    [Fact]
    public void TheFooterCountsPagesWithPageAndNumPagesFields()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var footer = Assert.Single(docx.MainDocumentPart!.FooterParts).Footer!;

        var fields = footer.Descendants<W.FieldCode>().Select(f => f.Text.Trim()).ToList();
        Assert.Equal(["PAGE", "NUMPAGES"], fields);
        Assert.StartsWith("Generated 2026-11-21 09:00 UTC\tPage 1 of 1", DocxText.Of(footer), StringComparison.Ordinal);
    }

    [Fact]
    public void TheHeaderNamesTheSystemTheDocumentAndTheMarking()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var header = Assert.Single(docx.MainDocumentPart!.HeaderParts).Header!;

        Assert.Equal("Acme Health Portal \u2014 Evidence Binder\tCONFIDENTIAL", DocxText.Of(header));
    }

    [Fact]
    public void TheFirstRowOfATableRepeatsOnEveryPageAndNoRowSplitsAcrossPages()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var table = docx.MainDocumentPart!.Document.Body!.Elements<W.Table>().Single(t => t.Elements<W.TableRow>().Count() > 10);
        var rows = table.Elements<W.TableRow>().ToList();

        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<W.TableHeader>()));
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<W.CantSplit>()));
        Assert.Equal("Account", DocxText.Of(rows[0].Elements<W.TableCell>().First()));
        Assert.Equal(51, rows.Count);
        Assert.Equal("EvidenceTable", table.GetFirstChild<W.TableProperties>()!.TableStyle!.Val!.Value);
    }

    [Fact]
    public void TheTableGridFillsTheTextWidthInProportionToTheRelativeWidths()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var table = docx.MainDocumentPart!.Document.Body!.Elements<W.Table>().Single(t => t.Elements<W.TableRow>().Count() > 10);

        var widths = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(10080, widths.Sum()); // 7 in: Letter less the theme's 0.75 in margins, as in the PDF
        Assert.Equal(5, widths.Count);
        Assert.True(widths[3] > 3 * widths[1], "the resource column is four times the region column");
    }

    [Fact]
    public void ATableCaptionIsACaptionParagraphRightAboveTheTable()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var table = docx.MainDocumentPart!.Document.Body!.Elements<W.Table>().Single(t => t.Elements<W.TableRow>().Count() > 10);

        var caption = Assert.IsType<W.Paragraph>(table.PreviousSibling());
        Assert.Equal("Caption", caption.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal("Failing resources", DocxText.Of(caption));
    }

    [Fact]
    public void EveryInternalHyperlinkPointsToABookmarkThatExists()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var body = docx.MainDocumentPart!.Document.Body!;

        var bookmarks = body.Descendants<W.BookmarkStart>().Select(b => b.Name!.Value!).ToHashSet();
        var anchors = body.Descendants<W.Hyperlink>().Where(h => h.Anchor is not null).Select(h => h.Anchor!.Value!).ToList();
        Assert.NotEmpty(anchors);
        Assert.All(anchors, a => Assert.Contains(a, bookmarks));
        Assert.All(bookmarks, b => Assert.True(b.Length <= 40, b));
        Assert.Equal(bookmarks.Count, body.Descendants<W.BookmarkStart>().Select(b => b.Id!.Value).Distinct().Count());
    }

    [Fact]
    public void AnExternalLinkGoesThroughAnExternalHyperlinkRelationship()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var main = docx.MainDocumentPart!;

        var link = main.Document.Body!.Descendants<W.Hyperlink>().Single(h => h.Id is not null);
        var relationship = main.HyperlinkRelationships.Single(r => r.Id == link.Id!.Value);
        Assert.True(relationship.IsExternal);
        Assert.Equal("https://www.hhs.gov/hipaa/for-professionals/security/index.html", relationship.Uri.AbsoluteUri);
        Assert.Equal("the Security Rule", DocxText.Of(link));
    }

    [Fact]
    public void ALinkToAnAnchorNoHeadingHasIsWrittenAsPlainText()
    {
        var document = new Document(SampleDocuments.Info, [new Paragraph([new Link("#nowhere", [new TextRun("dangling")]), new Link("raw/aws-0001.json", [new TextRun("raw")])])]);
        using var docx = DocxFile.Open(DocxFile.Write(document));
        var body = docx.MainDocumentPart!.Document.Body!;

        Assert.Empty(body.Descendants<W.Hyperlink>());
        Assert.Equal("danglingraw", DocxText.Of(body.Elements<W.Paragraph>().First()));
    }

    [Fact]
    public void ListItemsAreNumberedAndEveryNumberedListStartsAgainAtOne()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var main = docx.MainDocumentPart!;
        var numbered = main.Document.Body!.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .Select(p => (Text: DocxText.Of(p), Level: p.ParagraphProperties!.NumberingProperties!.NumberingLevelReference!.Val!.Value, Id: p.ParagraphProperties.NumberingProperties.NumberingId!.Val!.Value))
            .ToList();

        Assert.Equal(["Risk analysis", "Risk management", "Nested step", "First", "Second"], numbered.Select(n => n.Text));
        Assert.Equal([0, 0, 1, 0, 0], numbered.Select(n => n.Level));
        Assert.Equal(numbered[0].Id, numbered[1].Id);
        Assert.NotEqual(numbered[2].Id, numbered[3].Id);
        var instances = main.NumberingDefinitionsPart!.Numbering!.Elements<W.NumberingInstance>().ToList();
        Assert.All(instances.Where(i => i.NumberID!.Value != numbered[0].Id), i => Assert.Equal(1, i.GetFirstChild<W.LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value));
    }

    [Fact]
    public void ACodeBlockIsOneCodeParagraphPerLineThatKeepsItsSpaces()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);
        var code = docx.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Code")
            .ToList();

        Assert.Equal(["SELECT resourceId", "  WHERE configuration.encrypted = false"], code.Select(DocxText.Of));
    }

    [Fact]
    public void APageBreakAndTheCoverEndAPage()
    {
        using var docx = DocxFile.Open(EveryBlock.Value);

        var breaks = docx.MainDocumentPart!.Document.Body!.Descendants<W.Break>().Count(b => b.Type?.Value == W.BreakValues.Page);
        Assert.Equal(2, breaks);
    }

    private static string? StyleOf(WordprocessingDocument docx, string text) =>
        docx.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>()
            .Single(p => DocxText.Of(p) == text && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("TOC", StringComparison.Ordinal) != true)
            .ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}

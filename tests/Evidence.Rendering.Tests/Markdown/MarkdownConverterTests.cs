using Evidence.Rendering.Documents;
using Evidence.Rendering.Markdown;

namespace Evidence.Rendering.Tests.Markdown;

public sealed class MarkdownConverterTests
{
    private static IReadOnlyList<Block> Convert(string markdown, IRowsSource? rows = null) => new MarkdownConverter(rows).Convert(markdown);

    private static T Single<T>(string markdown)
        where T : Block => Assert.IsType<T>(Assert.Single(Convert(markdown)));

    [Fact]
    public void HeadingsGetReadableAnchorsFromTheirText()
    {
        var heading = Single<Heading>("### 164.312(a)(2)(iv) Encryption and decryption");

        Assert.Equal(3, heading.Level);
        Assert.Equal("164-312-a-2-iv-encryption-and-decryption", heading.Anchor);
        Assert.True(heading.InOutline);
    }

    [Fact]
    public void RepeatedHeadingsGetUniqueAnchors()
    {
        var anchors = Convert("## Documents\n\n## Documents\n\n## Documents").Cast<Heading>().Select(h => h.Anchor);

        Assert.Equal(["documents", "documents-2", "documents-3"], anchors);
    }

    [Fact]
    public void AnExplicitAnchorWinsAndAGeneratedOneNeverTakesIt()
    {
        var headings = Convert("## Summary\n\n## Totals {#summary .unlisted}").Cast<Heading>().ToList();

        Assert.Equal("summary-2", headings[0].Anchor);
        Assert.Equal("summary", headings[1].Anchor);
        Assert.False(headings[1].InOutline);
        Assert.Equal([new TextRun("Totals")], headings[1].Content);
    }

    [Fact]
    public void TwoHeadingsWithTheSameExplicitAnchorAreAnError()
    {
        var error = Assert.Throws<MarkdownException>(() => Convert("# Alpha {#dup}\n\n# Beta {#dup}"));

        Assert.Contains("anchor 'dup' is used by two headings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParagraphsKeepEmphasisStrongCodeLinksAndHardBreaks()
    {
        var paragraph = Single<Paragraph>("Plain *italic* **bold** ***both*** `code` [site](https://example.org) end\\\nnext");

        Assert.Equal(
            [
                new TextRun("Plain "), new TextRun("italic") { Italic = true }, new TextRun(" "), new TextRun("bold") { Bold = true },
                new TextRun(" "), new TextRun("both") { Bold = true, Italic = true }, new TextRun(" "), new TextRun("code") { Code = true },
                new TextRun(" "), new Link("https://example.org", [new TextRun("site")]), new TextRun(" end"), new LineBreak(), new TextRun("next"),
            ],
            paragraph.Content,
            new InlineComparer());
    }

    [Fact]
    public void ASoftLineBreakIsASpace()
    {
        var paragraph = Single<Paragraph>("one\ntwo");

        Assert.Equal([new TextRun("one two")], paragraph.Content, new InlineComparer());
    }

    [Fact]
    public void AnInternalLinkMustPointToAHeading()
    {
        var blocks = Convert("# Target {#target}\n\nSee [the target](#target).");

        var link = Assert.IsType<Link>(Assert.IsType<Paragraph>(blocks[1]).Content[1]);
        Assert.True(link.IsInternal);
        var error = Assert.Throws<MarkdownException>(() => Convert("# Target\n\nSee [nothing](#nowhere)."));
        Assert.Equal(3, error.Line);
        Assert.Contains("'#nowhere', but no heading has that anchor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksToFilesOrScriptsAreRefused()
    {
        var error = Assert.Throws<MarkdownException>(() => Convert("[x](file:///etc/passwd)"));

        Assert.Contains("links may point to #anchors, http(s) addresses or mailto: only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BulletAndOrderedListsNest()
    {
        var list = Single<ListBlock>("- one\n- two\n  1. first\n  2. second\n- three");

        Assert.False(list.Ordered);
        Assert.Equal(3, list.Items.Count);
        var nested = Assert.IsType<ListBlock>(list.Items[1][1]);
        Assert.True(nested.Ordered);
        Assert.Equal(2, nested.Items.Count);
        Assert.Equal("second", Assert.IsType<TextRun>(Assert.IsType<Paragraph>(nested.Items[1][0]).Content[0]).Text);
    }

    [Fact]
    public void PipeTablesKeepAlignmentWidthsCaptionAndCells()
    {
        var table = Single<Table>("Table: Accounts in scope\n\n| Account | Name | Regions |\n|:------|:--:|---:|\n| `1` | **prod** | us-east-1 |\n| 2 | dev |");

        Assert.Equal("Accounts in scope", table.Caption);
        Assert.Equal(["Account", "Name", "Regions"], table.Columns.Select(c => c.Header));
        Assert.Equal([ColumnAlignment.Left, ColumnAlignment.Center, ColumnAlignment.Right], table.Columns.Select(c => c.Alignment));
        Assert.True(table.Columns[0].RelativeWidth > table.Columns[1].RelativeWidth);
        var rows = table.Rows.ToList();
        Assert.Equal(2, table.RowCount);
        Assert.Equal(new TextRun("1") { Code = true }, rows[0][0].Content[0]);
        Assert.Equal(new TextRun("prod") { Bold = true }, rows[0][1].Content[0]);
        Assert.Equal(3, rows[1].Count);
    }

    [Fact]
    public void EscapedPipesStayInsideTheirCell()
    {
        var table = Single<Table>("| A | B |\n|---|---|\n| a \\| b | c |");

        Assert.Equal("a | b", Assert.IsType<TextRun>(table.Rows.Single()[0].Content[0]).Text);
    }

    [Fact]
    public void FencedAndIndentedCodeBecomeCodeBlocks()
    {
        var blocks = Convert("```sql\nSELECT resourceId\nWHERE x = 1\n```\n\n    indented line");

        Assert.Equal("SELECT resourceId\nWHERE x = 1", Assert.IsType<CodeBlock>(blocks[0]).Text);
        Assert.Equal("indented line", Assert.IsType<CodeBlock>(blocks[1]).Text);
    }

    [Theory]
    [InlineData("---")]
    [InlineData("***")]
    public void AThematicBreakIsARule(string markdown) => Single<ThematicBreak>(markdown);

    [Theory]
    [InlineData(@"\pagebreak")]
    [InlineData("<!-- pagebreak -->")]
    [InlineData("<!--pagebreak-->")]
    public void APageBreakCanBeWrittenTwoWays(string markdown) => Single<PageBreak>($"Before\n\n{markdown}\n\nAfter".Split("\n\n")[1]);

    [Fact]
    public void OtherHtmlCommentsAreDropped()
    {
        var blocks = Convert("One\n\n<!-- a note for template authors -->\n\nTwo");

        Assert.Equal(2, blocks.Count);
    }

    [Fact]
    public void RawHtmlAndImagesWithoutDiagramsAreErrorsWithTheirLine()
    {
        var html = Assert.Throws<MarkdownException>(() => Convert("Text\n\n<div>raw</div>"));
        var image = Assert.Throws<MarkdownException>(() => Convert("Text\n\n![logo](logo.png)"));

        Assert.Equal(3, html.Line);
        Assert.Contains("HTML is not supported", html.Message, StringComparison.Ordinal);
        Assert.Equal(3, image.Line);
        Assert.Contains("this document has no diagrams to draw from", image.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACoverBlockBecomesACoverPage()
    {
        var cover = Single<CoverPage>("```cover\ntitle: System Security Plan\nsubtitle: Acme Care\nOrganization: Acme Health, Inc.\nAs of: 2026-11-21 09:00 UTC\n```");

        Assert.Equal("System Security Plan", cover.Title);
        Assert.Equal("Acme Care", cover.Subtitle);
        Assert.Equal([new("Organization", "Acme Health, Inc."), new KeyValuePair<string, string>("As of", "2026-11-21 09:00 UTC")], cover.Lines);
    }

    [Fact]
    public void ACoverWithoutATitleIsAnError()
    {
        var error = Assert.Throws<MarkdownException>(() => Convert("Intro\n\n```cover\nsubtitle: x\n```"));

        Assert.Equal(3, error.Line);
        Assert.Contains("needs a 'title:' line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[toc]]", 3)]
    [InlineData("[[toc 2]]", 2)]
    public void TheTableOfContentsMarkerTakesAnOptionalDepth(string markdown, int level) =>
        Assert.Equal(level, Single<TableOfContents>(markdown).MaxLevel);

    [Fact]
    public void ABlockquoteIsACalloutAndSmallTextIsFinePrint()
    {
        var blocks = Convert("> **Not collected.** The query failed.\n\n<small>SHA-256 abc</small>");

        Assert.Equal(ParagraphStyle.Callout, Assert.IsType<Paragraph>(blocks[0]).Style);
        var small = Assert.IsType<Paragraph>(blocks[1]);
        Assert.Equal(ParagraphStyle.Small, small.Style);
        Assert.Equal([new TextRun("SHA-256 abc")], small.Content, new InlineComparer());
    }

    [Fact]
    public void ARowsBlockAsksTheRowsSourceForATable()
    {
        var source = new RecordingRows();

        var block = Assert.Single(Convert("```rows\nrun: 20261120T060000Z\nitem: aws-0434\ncolumns: resource_id, annotation\ncaption: Public buckets\n```", source));

        Assert.Same(RecordingRows.Result, block);
        Assert.Equal(new RowsSpec("20261120T060000Z", "aws-0434", "non-compliant", ["resource_id", "annotation"], "Public buckets", 1), source.Asked, new RowsSpecComparer());
    }

    [Fact]
    public void ARowsBlockWithoutEvidenceIsAnError()
    {
        var error = Assert.Throws<MarkdownException>(() => Convert("```rows\nrun: r\nitem: i\n```"));

        Assert.Contains("needs evidence to read rows from", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("```rows\nitem: aws-0001\n```", "needs 'run:'")]
    [InlineData("```rows\nrun: r\n```", "needs 'item:'")]
    [InlineData("```rows\nrun: r\nitem: i\nfilter: failing\n```", "filter 'failing'")]
    [InlineData("```rows\nrun: r\nitem: i\ncolour: red\n```", "unknown key 'colour'")]
    [InlineData("```rows\nrun: r\nitem: i\njust text\n```", "is not a 'Label: value' line")]
    public void ABadRowsBlockIsAnErrorThatSaysWhatIsWrong(string markdown, string message)
    {
        var error = Assert.Throws<MarkdownException>(() => Convert(markdown, new RecordingRows()));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void YamlFrontMatterIsNotPartOfTheDocument()
    {
        var blocks = Convert("---\ntitle: x\n---\n\n# Heading");

        Assert.IsType<Heading>(Assert.Single(blocks));
    }

    private sealed class RecordingRows : IRowsSource
    {
        public static readonly Table Result = new([new TableColumn("Resource id")], []);

        public RowsSpec? Asked { get; private set; }

        public Table Table(RowsSpec spec)
        {
            Asked = spec;
            return Result;
        }
    }
}

using Evidence.Rendering.Documents;
using Evidence.Testing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Tests.Docx;

public sealed class DocxTextTests
{
    [Fact]
    public void AThreeHundredCharacterArnSurvivesAsOneUnbrokenText()
    {
        Assert.Equal(300, SampleDocuments.LongArn.Length);
        using var docx = DocxFile.Open(DocxFile.Write(SampleDocuments.EveryBlock(rows: 3)));

        // One text element; in a table cell, with the zero-width spaces that let Word break it where the PDF would.
        var texts = docx.MainDocumentPart!.Document.Body!.Descendants<W.Text>().Select(t => t.Text).ToList();
        var arn = Assert.Single(texts, t => t.Replace("\u200B", string.Empty, StringComparison.Ordinal) == SampleDocuments.LongArn);
        Assert.All(arn.Split('\u200B')[..^1], piece => Assert.Contains(piece[^1], "_/:."));
    }

    [Fact]
    public void ControlCharactersFromEvidenceBecomeReplacementCharactersInsteadOfFailingTheRender()
    {
        var document = new Document(SampleDocuments.Info, [new Paragraph([new TextRun("bad\u0001byte and \uD800 half a pair, \U0001F512 a whole one")])]);
        var bytes = DocxFile.Write(document);

        using var docx = DocxFile.Open(bytes);
        Assert.Equal("bad\uFFFDbyte and \uFFFD half a pair, \U0001F512 a whole one", DocxText.Of(docx.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().First()));
    }

    [Fact]
    public void TabsAndNewlinesInsideTextBecomeWordTabsAndBreaks()
    {
        var document = new Document(SampleDocuments.Info, [new Paragraph([new TextRun(" a\tb\r\nc ")])]);

        using var docx = DocxFile.Open(DocxFile.Write(document));
        var paragraph = docx.MainDocumentPart!.Document.Body!.Elements<W.Paragraph>().First();
        Assert.Equal(" a\tb / c ", DocxText.Of(paragraph));
        Assert.Single(paragraph.Descendants<W.Break>());
    }

    [Fact]
    public void TheTextOfADocumentWithEveryBlockReadsAsCommitted()
    {
        using var docx = DocxFile.Open(DocxFile.Write(SampleDocuments.EveryBlock(rows: 3)));

        Snapshot.Match(DocxText.Dump(docx), "every-block");
    }
}

using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Docx;

public sealed class DocxValidityTests
{
    [Fact]
    public void TheWriterWritesDocxFiles()
    {
        Assert.Equal("docx", new Evidence.Rendering.Docx.DocxDocumentWriter().Extension);
    }

    [Fact]
    public void ADocumentWithEveryKindOfBlockHasNoValidationErrors()
    {
        var bytes = DocxFile.Write(SampleDocuments.EveryBlock(rows: 3000));

        AssertValid(bytes);
    }

    [Fact]
    public void ADocumentWithNoBlocksAndNoCustomPropertiesIsStillValid()
    {
        var document = new Document(SampleDocuments.Info with { CustomProperties = [], Keywords = [] }, []);

        AssertValid(DocxFile.Write(document));
    }

    [Fact]
    public void TwoTablesInARowAndATableAtTheEndStayValidAndApart()
    {
        var document = new Document(SampleDocuments.Info,
        [
            new TableOfContents(2),
            SampleDocuments.FailingResources(3) with { Caption = null },
            SampleDocuments.FailingResources(3) with { Caption = null },
        ]);
        var bytes = DocxFile.Write(document);

        AssertValid(bytes);
        using var docx = DocxFile.Open(bytes);
        var body = docx.MainDocumentPart!.Document.Body!;
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.IsType<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(tables[0].NextSibling());
        Assert.IsType<DocumentFormat.OpenXml.Wordprocessing.Paragraph>(tables[1].NextSibling());
    }

    private static void AssertValid(byte[] bytes)
    {
        var errors = DocxFile.ValidationErrors(bytes);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}

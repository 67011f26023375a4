using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Evidence.Rendering.Templates;
using Evidence.Rendering.Tests.Docx;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Tests.Figures;

/// <summary>
/// A figure in Word: an inline picture whose description is the alternative text, its bytes in a media part,
/// sized in EMUs as the PDF sizes it, kept with its caption; a valid package, the same bytes every time.
/// </summary>
public sealed class DocxFigureTests
{
    [Fact]
    public void TheFigureIsAnInlinePictureDescribedByItsAltTextAndFollowedByItsCaption()
    {
        var bytes = DocxFile.Write(FigureDocuments.With(FigureDocuments.Figure(1600, 1000)));
        using var docx = DocxFile.Open(bytes);
        var main = docx.MainDocumentPart!;

        var inline = Assert.Single(main.Document!.Descendants<DW.Inline>());
        Assert.Equal(FigureDocuments.Alt, inline.DocProperties!.Description!.Value);
        Assert.Equal(FigureDocuments.Alt, inline.Descendants<PIC.NonVisualDrawingProperties>().Single().Description!.Value);
        Assert.Equal(504L * 12700, inline.Extent!.Cx!.Value);
        Assert.Equal(315L * 12700, inline.Extent!.Cy!.Value);
        var embed = inline.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single().Embed!.Value!;
        var part = Assert.IsType<ImagePart>(main.GetPartById(embed));
        Assert.Equal("image/png", part.ContentType);
        using (var stream = part.GetStream())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            Assert.Equal(FigureDocuments.Figure(1600, 1000).Image.Bytes.ToArray(), copy.ToArray());
        }

        var paragraph = inline.Ancestors<W.Paragraph>().Single();
        Assert.NotNull(paragraph.ParagraphProperties!.KeepNext);
        var caption = paragraph.NextSibling<W.Paragraph>()!;
        Assert.Equal("Caption", caption.ParagraphProperties!.ParagraphStyleId!.Val!.Value);
        Assert.Equal("Figure 1. Architecture", caption.InnerText);
    }

    [Fact]
    public void TheDocumentWithAFigureIsAValidPackage()
    {
        Assert.Empty(DocxFile.ValidationErrors(DocxFile.Write(FigureDocuments.With(FigureDocuments.Figure()))));
    }

    [Fact]
    public void TheSameDocumentGivesTheSameBytesTwice()
    {
        var document = FigureDocuments.With(FigureDocuments.Figure());

        Assert.Equal(DocxFile.Write(document), DocxFile.Write(document));
    }

    [Fact]
    public void TheSampleSspCarriesItsDiagramWithItsAltText()
    {
        var ssp = SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document;
        var bytes = DocxFile.Write(ssp);
        using var docx = DocxFile.Open(bytes);

        var inline = Assert.Single(docx.MainDocumentPart!.Document!.Descendants<DW.Inline>());
        Assert.Equal(SampleBuild.Model.Plan.Diagrams.Single().Alt, inline.DocProperties!.Description!.Value);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName == "word/media/image1.png");
    }
}

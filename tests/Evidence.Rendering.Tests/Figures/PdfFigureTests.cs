using Evidence.Rendering.Pdf;
using Evidence.Rendering.Templates;
using Evidence.Rendering.Tests.Pdf;
using Evidence.Rendering.Tests.Pdf.Tagging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Evidence.Rendering.Tests.Figures;

/// <summary>
/// A figure in the PDF: the picture as an image XObject, shrunk to the text width with its proportions kept,
/// never split from its caption across pages, tagged as a Figure whose /Alt is its alternative text.
/// </summary>
public sealed class PdfFigureTests
{
    private const double ContentWidth = 504;

    [Fact]
    public void TheSampleSspShowsItsDiagramAsAFigureWithItsAltText()
    {
        var ssp = SampleBuild.Pipeline().Build(DocumentKind.Ssp, SampleBuild.Model).Document;
        var bytes = Rendered.WriteBytes(ssp);
        using var rendered = Rendered.Write(ssp);
        using var tagged = new TaggedPdf(bytes);

        var figure = Assert.Single(tagged.Elements(), e => TaggedPdf.Role(e) == "/Figure");
        Assert.Equal(SampleBuild.Model.Plan.Diagrams.Single().Alt, Alt(figure));
        var page = rendered.Pages.Single(p => p.GetImages().Any());
        var image = Assert.Single(page.GetImages());
        Assert.Equal((1000, 640), (image.WidthInSamples, image.HeightInSamples));
        Assert.Contains(Rendered.BodyLines(page), l => l.StartsWith("Figure 1. Architecture and data flows of the Acme Care Coordination Platform", StringComparison.Ordinal));
        Assert.Contains(Rendered.BodyLines(page), l => l == "Architecture and data flows");
    }

    [Fact]
    public void AWidePictureIsShrunkToTheTextWidthWithItsProportionsKept()
    {
        using var rendered = Rendered.Write(FigureDocuments.With(FigureDocuments.Figure(1600, 1000)));

        var image = Assert.Single(rendered.Pages.First().GetImages());

        Assert.Equal(ContentWidth, image.BoundingBox.Width, 0.5);
        Assert.Equal(ContentWidth * 1000 / 1600, image.BoundingBox.Height, 0.5);
    }

    [Fact]
    public void ASmallPictureKeepsItsOwnSizeAtNinetySixPixelsAnInch()
    {
        using var rendered = Rendered.Write(FigureDocuments.With(FigureDocuments.Figure(200, 100)));

        var image = Assert.Single(rendered.Pages.First().GetImages());

        Assert.Equal((150, 75), (image.BoundingBox.Width, image.BoundingBox.Height));
    }

    [Fact]
    public void AFigureThatDoesNotFitMovesWholeToTheNextPageWithItsCaption()
    {
        using var rendered = Rendered.Write(FigureDocuments.With(FigureDocuments.Figure(800, 500), paragraphs: 30));
        var pages = rendered.Pages.ToList();

        Assert.Empty(pages[0].GetImages());
        var image = Assert.Single(pages[1].GetImages());
        Assert.Equal(ContentWidth * 500 / 800, image.BoundingBox.Height, 0.5);
        Assert.Equal("Figure 1. Architecture", Rendered.BodyLines(pages[1])[0]);
    }

    /// <summary>Every kind of PNG the header checks accept (<see cref="Core.Files.ImageHeader"/>) is one the PDF writer draws.</summary>
    [Theory]
    [InlineData(8, 0)]
    [InlineData(8, 2)]
    [InlineData(8, 3)]
    [InlineData(8, 4)]
    [InlineData(8, 6)]
    [InlineData(1, 3)]
    [InlineData(4, 3)]
    public void EveryAcceptedKindOfPngIsDrawn(byte depth, byte colour)
    {
        var png = Evidence.Testing.TestImages.Png(96, 64, depth, colour);
        var info = Assert.NotNull(Core.Files.ImageHeader.Read(png, out _));
        var figure = new Documents.Figure(new Documents.FigureImage("diagrams/kind.png", info, png), FigureDocuments.Alt);

        using var rendered = Rendered.Write(FigureDocuments.With(figure));

        var image = Assert.Single(rendered.Pages.First().GetImages());
        Assert.Equal((96, 64), (image.WidthInSamples, image.HeightInSamples));
    }

    [Fact]
    public void APictureThePdfWriterCannotDecodeFailsWithItsNameAndTheFix()
    {
        // A 16-bit PNG, which the header checks refuse, given to the writer directly.
        var png = Evidence.Testing.TestImages.Png(64, 64, depth: 16, colour: 2);
        var figure = new Documents.Figure(new Documents.FigureImage("diagrams/deep.png", new Core.Files.ImageInfo(Core.Files.ImageFormat.Png, 64, 64), png), FigureDocuments.Alt);

        var error = Assert.Throws<PdfRenderException>(() => Rendered.WriteBytes(FigureDocuments.With(figure)));

        Assert.StartsWith("Cannot draw the diagram 'diagrams/deep.png' (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("); export it again as a PNG with 8 bits per channel.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFiguresMarkedContentIsThePicture()
    {
        var bytes = Rendered.WriteBytes(FigureDocuments.With(FigureDocuments.Figure()));
        using var tagged = new TaggedPdf(bytes);

        var figure = Assert.Single(tagged.Elements(), e => TaggedPdf.Role(e) == "/Figure");
        Assert.Equal(FigureDocuments.Alt, Alt(figure));
        var mcid = Assert.IsType<PdfInteger>(Assert.Single(TaggedPdf.Kids(figure))).Value;
        var content = System.Text.Encoding.Latin1.GetString(Content(tagged.Document.Pages[0]));
        var marked = content[content.IndexOf($"/Figure <</MCID {mcid}>> BDC", StringComparison.Ordinal)..];
        Assert.Matches(@"^/Figure <</MCID \d+>> BDC\s+q\s[^Q]*/I\w* Do", marked);
        Assert.Contains(tagged.Elements(), e => TaggedPdf.Role(e) == "/Caption");
    }

    [Fact]
    public void TheSameDocumentGivesTheSameBytesTwice()
    {
        var document = FigureDocuments.With(FigureDocuments.Figure());

        Assert.Equal(Rendered.WriteBytes(document), Rendered.WriteBytes(document));
    }

    private static string Alt(PdfDictionary figure) => figure.Elements["/Alt"] switch
    {
        PdfReference { Value: PdfStringObject text } => text.Value,
        PdfString text => text.Value,
        var other => throw new InvalidOperationException($"/Alt is {other}"),
    };

    private static byte[] Content(PdfPage page) => page.Elements["/Contents"] switch
    {
        PdfReference { Value: PdfDictionary stream } => stream.Stream.UnfilteredValue,
        PdfArray array => [.. array.Elements.OfType<PdfReference>().SelectMany(r => ((PdfDictionary)r.Value).Stream.UnfilteredValue)],
        _ => [],
    };
}

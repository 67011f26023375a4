using System.Text;
using System.Xml.Linq;
using Evidence.Rendering.Templates;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Evidence.Rendering.Tests.Pdf.Tagging;

/// <summary>
/// What PDF/A-3b asks of the sample documents, checked one requirement at a time (veraPDF, the reference
/// validator, is not installed here): the XMP identification agreeing with the document information,
/// an sRGB output intent, every font embedded, attachments as associated files with a media type and a
/// date, printable annotations, no encryption. An encrypted binder cannot be PDF/A and does not claim it.
/// </summary>
public sealed class PdfArchivalTests
{
    private static readonly string[] Relationships = ["/Source", "/Supplement"];
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";

    private static readonly Lazy<byte[]> Binder = new(() =>
        Rendered.WriteBytes(SampleBuild.Pipeline().Build(DocumentKind.Binder, SampleBuild.Model).Document));

    [Fact]
    public void TheXmpSaysPdfA3bAndAgreesWithTheDocumentInformation()
    {
        using var pdf = new TaggedPdf(Binder.Value);
        var metadata = TaggedPdf.Resolve(pdf.Catalog.Elements["/Metadata"])!;

        Assert.False(metadata.Elements.ContainsKey("/Filter"));
        var xmp = XDocument.Parse(Encoding.UTF8.GetString(metadata.Stream.Value));
        Assert.Equal("3", Property(xmp, PdfAId + "part"));
        Assert.Equal("B", Property(xmp, PdfAId + "conformance"));
        var info = pdf.Document.Info;
        Assert.Equal(info.Title, xmp.Descendants(Dc + "title").Single().Value);
        Assert.Equal(info.Author, xmp.Descendants(Dc + "creator").Single().Value);
        Assert.Equal(info.Producer, xmp.Descendants(Pdf + "Producer").Single().Value);
        Assert.Equal(info.Keywords, xmp.Descendants(Pdf + "Keywords").Single().Value);
        Assert.False(pdf.Catalog.Elements.ContainsKey("/Encrypt"));
    }

    [Fact]
    public void AnSrgbOutputIntentCarriesAnRgbDisplayProfile()
    {
        using var pdf = new TaggedPdf(Binder.Value);
        var intent = TaggedPdf.Resolve(pdf.Catalog.Elements.GetArray("/OutputIntents")!.Elements.Single())!;

        Assert.Equal("/GTS_PDFA1", intent.Elements.GetName("/S"));
        var profile = TaggedPdf.Resolve(intent.Elements["/DestOutputProfile"])!;
        Assert.Equal(3, profile.Elements.GetInteger("/N"));
        var icc = profile.Stream.UnfilteredValue;
        Assert.Equal("mntr", Encoding.ASCII.GetString(icc, 12, 4));
        Assert.Equal("RGB ", Encoding.ASCII.GetString(icc, 16, 4));
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
    }

    [Fact]
    public void EveryFontOnEveryPageIsEmbedded()
    {
        using var pdf = new TaggedPdf(Binder.Value);
        var fonts = 0;
        foreach (var page in pdf.Document.Pages)
        {
            var resources = TaggedPdf.Resolve(page.Elements["/Resources"])!;
            foreach (var item in TaggedPdf.Resolve(resources.Elements["/Font"])?.Elements.Values ?? [])
            {
                var font = TaggedPdf.Resolve(item)!;
                var described = font.Elements.GetName("/Subtype") == "/Type0"
                    ? TaggedPdf.Resolve(font.Elements.GetArray("/DescendantFonts")!.Elements[0])!
                    : font;
                var descriptor = TaggedPdf.Resolve(described.Elements["/FontDescriptor"])!;
                Assert.True(descriptor.Elements.ContainsKey("/FontFile2"), $"{font.Elements.GetName("/BaseFont")} is not embedded");
                fonts++;
            }
        }

        Assert.True(fonts > 0);
    }

    [Fact]
    public void EveryAttachmentIsAnAssociatedFileWithAMediaTypeAndADate()
    {
        using var pdf = new TaggedPdf(Binder.Value);
        var associated = pdf.Catalog.Elements.GetArray("/AF")!.Elements.Select(e => ((PdfReference)e).ObjectID).ToHashSet();
        var names = TaggedPdf.Resolve(TaggedPdf.Resolve(pdf.Catalog.Elements["/Names"])!.Elements["/EmbeddedFiles"])!.Elements.GetArray("/Names")!.Elements;

        Assert.Equal(names.Count / 2, associated.Count);
        for (var i = 1; i < names.Count; i += 2)
        {
            var specification = TaggedPdf.Resolve(names[i])!;
            Assert.Contains(((PdfReference)names[i]).ObjectID, associated);
            Assert.Contains(specification.Elements.GetName("/AFRelationship"), Relationships);
            var file = TaggedPdf.Resolve(TaggedPdf.Resolve(specification.Elements["/EF"])!.Elements["/F"])!;
            Assert.StartsWith("/", file.Elements.GetName("/Subtype"), StringComparison.Ordinal);
            Assert.True(TaggedPdf.Resolve(file.Elements["/Params"])!.Elements.ContainsKey("/ModDate"));
        }
    }

    [Fact]
    public void AnEncryptedDocumentClaimsNoPdfA()
    {
        const string Password = "correct horse";
        var bytes = Rendered.WriteBytes(Build.Document(Build.Heading(1, "Sealed"), Build.Paragraph("Body.")), new RenderOptions { PdfPassword = Password });

        using var pdf = PdfReader.Open(new MemoryStream(bytes), Password, PdfDocumentOpenMode.Import);

        Assert.False(pdf.Internals.Catalog.Elements.ContainsKey("/OutputIntents"));
        var metadata = TaggedPdf.Resolve(pdf.Internals.Catalog.Elements["/Metadata"]);
        Assert.DoesNotContain("pdfaid", metadata is null ? string.Empty : Encoding.UTF8.GetString(metadata.Stream.UnfilteredValue), StringComparison.Ordinal);
    }

    // XMP writes a simple property as an element or as an attribute of its description; either counts.
    private static string? Property(XDocument xmp, XName name) =>
        xmp.Descendants(name).FirstOrDefault()?.Value ?? xmp.Descendants().Attributes(name).FirstOrDefault()?.Value;
}

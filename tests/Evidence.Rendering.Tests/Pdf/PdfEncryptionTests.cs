using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfEncryptionTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void AnEncryptedPdfOpensWithThePasswordAndShowsItsText()
    {
        var bytes = Rendered.WriteBytes(Build.Document(Build.Heading(1, "Encrypted section"), Build.Paragraph("Secret body text.")), new RenderOptions { PdfPassword = Password });

        using var pdf = PdfDocument.Open(bytes, new ParsingOptions { Password = Password });

        Assert.Contains("Secret body text.", Rendered.BodyLines(pdf.GetPage(1)));
    }

    [Fact]
    public void AnEncryptedPdfDoesNotOpenWithoutThePassword()
    {
        var bytes = Rendered.WriteBytes(Build.Document(Build.Paragraph("Secret body text.")), new RenderOptions { PdfPassword = Password });

        Assert.ThrowsAny<PdfDocumentEncryptedException>(() => PdfDocument.Open(bytes).GetPage(1));
        Assert.ThrowsAny<PdfDocumentEncryptedException>(() => PdfDocument.Open(bytes, new ParsingOptions { Password = "wrong" }).GetPage(1));
    }

    [Fact]
    public void TheEncryptionIsAes256()
    {
        var bytes = Rendered.WriteBytes(Build.Document(Build.Paragraph("Body")), new RenderOptions { PdfPassword = Password });

        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/Filter\s*/Standard", text);
        Assert.Matches(@"/V\s*5", text);
        Assert.Matches(@"/R\s*6", text);
        Assert.Matches(@"/CFM\s*/AESV3", text);
        Assert.DoesNotContain("Acme Health", text, StringComparison.Ordinal);
    }
}

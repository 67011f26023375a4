using Evidence.Rendering.Documents;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfStructureTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public void QpdfFindsNothingWrongWithTheFile()
    {
        Assert.SkipUnless(Qpdf.IsInstalled, "qpdf is not installed (apt-get install qpdf)");
        using var folder = new TempDirectory();
        var path = folder.Combine("binder.pdf");
        File.WriteAllBytes(path, Rendered.WriteBytes(Sample(folder)));

        var (exitCode, output) = Qpdf.Run("--check", path);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    [Fact]
    public void QpdfDecryptsTheFileWithThePasswordAndNotWithout()
    {
        Assert.SkipUnless(Qpdf.IsInstalled, "qpdf is not installed (apt-get install qpdf)");
        using var folder = new TempDirectory();
        var path = folder.Combine("binder.pdf");
        File.WriteAllBytes(path, Rendered.WriteBytes(Sample(folder), new RenderOptions { PdfPassword = Password }));

        var withPassword = Qpdf.Run("--password=" + Password, "--decrypt", path, folder.Combine("plain.pdf"));
        var withoutPassword = Qpdf.Run("--decrypt", path, folder.Combine("nope.pdf"));

        Assert.Equal(0, withPassword.ExitCode);
        Assert.Contains("R = 6", Qpdf.Run("--password=" + Password, "--show-encryption", path).Output, StringComparison.Ordinal);
        Assert.NotEqual(0, withoutPassword.ExitCode);
        Assert.Contains("invalid password", withoutPassword.Output, StringComparison.OrdinalIgnoreCase);
    }

    private static Document Sample(TempDirectory folder) =>
        Build.Document(
            new CoverPage("Evidence Binder", "Acme Health", [new("As of", "2026-11-20")]),
            new TableOfContents(2),
            Build.Heading(1, "Access control"),
            new Paragraph([new TextRun("See "), new Link("#audit", [new TextRun("audit")]), new TextRun(".")]),
            Build.Heading(2, "Audit", "audit"),
            Build.Table(["A", "B"], Enumerable.Range(0, 200).Select(i => new[] { $"{i}", Build.Arn(90, i) })))
        with
        {
            Attachments = [PdfAttachmentTests.Attachment(folder, "raw/a.json", "{\"a\":1}")],
        };
}

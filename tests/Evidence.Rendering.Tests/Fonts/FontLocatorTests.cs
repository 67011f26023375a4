using Evidence.Rendering.Fonts;
using Evidence.Rendering.Pdf;
using Evidence.Rendering.Tests.Pdf;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Fonts;

public sealed class FontLocatorTests
{
    private const string DejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public void WithNoUsableFontTheWriterSaysWhatToInstall()
    {
        using var empty = new TempDirectory();
        var writer = new PdfDocumentWriter(new FontLocator([empty.Path]));

        var error = Assert.Throws<FontNotFoundException>(() => writer.Write(Build.Document(Build.Paragraph("Body")), new MemoryStream(), new RenderOptions()));

        Assert.Contains("No usable TrueType font", error.Message, StringComparison.Ordinal);
        Assert.Contains(empty.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("DejaVu Sans", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-dejavu-core", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DejaVuSansIsPreferredAndItsFacesAreFoundBesideIt()
    {
        using var fonts = new TempDirectory();
        foreach (var name in new[] { "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf" })
        {
            Directory.CreateDirectory(fonts.Combine("sub"));
            File.WriteAllBytes(fonts.Combine(Path.Combine("sub", name)), []);
        }

        var located = new FontLocator([fonts.Path]).Locate();

        Assert.Equal("DejaVu Sans", located.FamilyName);
        Assert.EndsWith("DejaVuSans.ttf", located.Regular, StringComparison.Ordinal);
        Assert.EndsWith("DejaVuSans-Bold.ttf", located.Bold, StringComparison.Ordinal);
        Assert.Null(located.Italic);
        Assert.EndsWith("DejaVuSansMono.ttf", located.Monospace, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEarlierFolderWinsOverALaterOne()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        File.WriteAllBytes(first.Combine("NotoSans-Regular.ttf"), []);
        File.WriteAllBytes(second.Combine("NotoSans-Regular.ttf"), []);

        var located = new FontLocator([first.Path, second.Path]).Locate();

        Assert.Equal(first.Combine("NotoSans-Regular.ttf"), located.Regular);
    }

    [Fact]
    public void AFontFileNamedByTheSettingsIsUsedForTheWholeDocument()
    {
        Assert.SkipUnless(File.Exists(DejaVuSans), "DejaVu Sans is not installed here");
        var document = Build.Document(Build.Heading(1, "Bold heading"), Build.Paragraph("Regular text"));
        var writer = new PdfDocumentWriter(new FontLocator([]));

        using var output = new MemoryStream();
        writer.Write(document, output, new RenderOptions { FontFile = DejaVuSans });
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(output.ToArray());

        Assert.All(pdf.GetPage(1).Letters, letter => Assert.EndsWith("+DejaVu Sans", letter.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void AMissingFontFileIsNamed()
    {
        var error = Assert.Throws<FontNotFoundException>(() => new FontLocator([]).Locate("/nowhere/Corporate.ttf"));

        Assert.Contains("/nowhere/Corporate.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFontFileWithPostScriptOutlinesIsRefused()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("Corporate.otf");
        File.WriteAllBytes(path, "OTTO\0\0\0\0"u8.ToArray());

        var error = Assert.Throws<FontNotFoundException>(() => new FontLocator([]).Locate(path));

        Assert.Contains("not a TrueType font", error.Message, StringComparison.Ordinal);
    }
}

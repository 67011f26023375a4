using Evidence.Core.Files;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// diagrams in evidence.yaml: each file a PNG or JPEG inside the workspace, judged by its bytes, of a sensible
/// size, with alternative text; every problem reported at the value that causes it, with what to do.
/// </summary>
public sealed class DiagramTests
{
    private const string Diagrams = """
        diagrams:
          - file: diagrams/architecture.png
            title: Architecture
            alt: Boxes for the web tier, the database and the backups, with arrows for the data flows.
            caption: The boundary is dashed.

        """;

    [Fact]
    public void APngDiagramWithAltTextLoadsWithNoProblems()
    {
        using var workspace = WithDiagram(TestImages.Png(320, 200));

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics);
        var diagram = Assert.Single(loaded.Workspace!.Diagrams);
        Assert.Equal("diagrams/architecture.png", diagram.File.Value);
        Assert.Equal("The boundary is dashed.", diagram.Caption);
    }

    [Fact]
    public void AJpegIsJudgedByItsBytesWhateverItsName()
    {
        using var workspace = WithDiagram(TestImages.JpegHeader(800, 600));

        Assert.Empty(workspace.Load().Diagnostics);
        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 800, 600), ImageHeader.Read(TestImages.JpegHeader(800, 600), out _));
    }

    [Fact]
    public void AMissingFileIsReportedAtItsPath()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "settings:\n", Diagrams + "settings:\n");

        AssertOneError(workspace, "diagrams/architecture.png", "diagram 'diagrams/architecture.png' is not a file in the workspace; check the path, or export the diagram there");
    }

    [Fact]
    public void TextNamedPngIsNotAnImage()
    {
        using var workspace = WithDiagram("just text, named .png"u8.ToArray());

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is not a PNG or JPEG image (judged by its content, not its name); export the diagram as PNG");
    }

    [Fact]
    public void AnSvgIsRefusedWithAdviceToExportPng()
    {
        using var workspace = WithDiagram("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8.ToArray());

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is an SVG drawing, which documents cannot embed (the PDF writer draws no SVG); export the diagram as PNG");
    }

    [Fact]
    public void APngWithADamagedHeaderIsReported()
    {
        var png = TestImages.Png(64, 64);
        png[18] ^= 0x01; // a bit of the width, so the IHDR chunk no longer matches its CRC
        using var workspace = WithDiagram(png);

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is a PNG whose 'IHDR' chunk is damaged (its CRC does not match); export it again");
    }

    [Fact]
    public void APngCutShortIsReported()
    {
        var png = TestImages.Png(64, 64);
        using var workspace = WithDiagram(png[..(png.Length - 20)]);

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is a PNG whose chunk at byte 33 runs past the end of the file; export it again");
    }

    [Fact]
    public void APngWhoseImageDataIsCutShortIsReported()
    {
        var full = TestImages.Png(64, 64);
        var half = TestImages.Png(64, 32);
        // The 64-row header with the 32-row picture's data: every chunk's CRC is right, the rows are not all there.
        byte[] png = [.. full[..33], .. half[33..]];
        using var workspace = WithDiagram(png);

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is a PNG whose image data holds less than its 64 × 64 pixels (cut short or damaged); export it again");
    }

    [Fact]
    public void APngWhoseImageDataDoesNotInflateIsReported()
    {
        byte[] garbage = [0x78, 0x9C, .. Enumerable.Range(7, 200).Select(b => (byte)b)];
        var png = TestImages.Png(64, 64);
        var idat = System.Text.Encoding.ASCII.GetBytes("IDAT").Concat(garbage).ToArray();
        byte[] length = [0, 0, (byte)(garbage.Length >> 8), (byte)garbage.Length];
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, TestImages.Crc(idat));
        using var workspace = WithDiagram([.. png[..33], .. length, .. idat, .. crc, .. png[^12..]]);

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is a PNG whose image data is damaged (it does not inflate); export it again");
    }

    [Theory]
    [InlineData(8, 200)]
    [InlineData(12_000, 40)]
    public void AbsurdDimensionsAreReported(int width, int height)
    {
        using var workspace = WithDiagram(TestImages.JpegHeader(width, height));

        AssertOneError(workspace, "diagrams/architecture.png",
            $"diagram 'diagrams/architecture.png' is {width} × {height} pixels; a diagram must be 16 to 10,000 pixels a side and at most 50 million pixels in all, export it at a sensible size (such as 1600 × 1000)");
    }

    [Theory]
    [InlineData(16, 2, "16-bit RGB")]
    [InlineData(16, 6, "16-bit RGBA")]
    [InlineData(2, 0, "2-bit greyscale")]
    [InlineData(2, 3, "2-bit palette")]
    public void APngThePdfWriterCannotDrawIsRefusedWithTheExportToUse(byte depth, byte colour, string pixels)
    {
        using var workspace = WithDiagram(TestImages.Png(64, 64, depth, colour));

        AssertOneError(workspace, "diagrams/architecture.png",
            $"diagram 'diagrams/architecture.png' is a PNG with {pixels} pixels, which the PDF writer cannot draw; export it as a PNG with 8 bits per channel (24-bit RGB, or 32-bit with transparency)");
    }

    [Fact]
    public void AnInterlacedPngIsRefused()
    {
        var png = TestImages.Png(64, 64);
        png[28] = 1; // IHDR's interlace method: Adam7
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), TestImages.Crc(png[12..29]));
        using var workspace = WithDiagram(png);

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is an interlaced PNG, which the PDF writer draws scrambled; export it without interlacing");
    }

    [Theory]
    [InlineData(8, 0)]
    [InlineData(8, 4)]
    [InlineData(8, 6)]
    [InlineData(1, 3)]
    [InlineData(4, 3)]
    [InlineData(8, 3)]
    public void PngsThePdfWriterDrawsAreAccepted(byte depth, byte colour)
    {
        Assert.NotNull(ImageHeader.Read(TestImages.Png(64, 64, depth, colour), out var problem));
        Assert.Equal(string.Empty, problem);
    }

    [Fact]
    public void ACmykJpegIsRefused()
    {
        using var workspace = WithDiagram(TestImages.JpegHeader(400, 300, components: 4));

        AssertOneError(workspace, "diagrams/architecture.png",
            "diagram 'diagrams/architecture.png' is a JPEG with 4 colour components (CMYK or unusual); export it as RGB or greyscale, or as PNG");
    }

    [Fact]
    public void AFileOverTenMegabytesIsRefused()
    {
        var big = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Png(64, 64).CopyTo(big, 0);
        using var workspace = WithDiagram(big);

        AssertOneError(workspace, "diagrams/architecture.png", "diagram 'diagrams/architecture.png' is 10.0 MB; a diagram may be at most 10 MB, export it smaller");
    }

    [Fact]
    public void EmptyAltTextIsReportedAtTheAlt()
    {
        using var workspace = WithDiagram(TestImages.Png(64, 64), Diagrams.Replace(
            "alt: Boxes for the web tier, the database and the backups, with arrows for the data flows.", "alt: \"  \"", StringComparison.Ordinal));

        AssertOneError(workspace, "\"  \"",
            "diagram 'Architecture' has no alternative text; write in 'alt' what the diagram shows, for readers who cannot see it");
    }

    [Fact]
    public void MissingAltIsAMissingRequiredKey()
    {
        using var workspace = WithDiagram(TestImages.Png(64, 64), Diagrams.Replace(
            "    alt: Boxes for the web tier, the database and the backups, with arrows for the data flows.\n", string.Empty, StringComparison.Ordinal));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("'alt'", error.Message, StringComparison.Ordinal);
        Assert.Empty(workspace.Load().Workspace!.Diagrams);
    }

    [Theory]
    [InlineData("../outside.png", "points outside the workspace; keep the diagram inside the workspace folder")]
    [InlineData("/etc/passwd", "must be a file path relative to the workspace, written with '/', such as diagrams/architecture.png")]
    [InlineData("diagrams\\architecture.png", "must be a file path relative to the workspace, written with '/', such as diagrams/architecture.png")]
    [InlineData("diagrams/../../outside.png", "points outside the workspace; keep the diagram inside the workspace folder")]
    public void APathThatLeavesTheWorkspaceIsRefused(string path, string problem)
    {
        using var workspace = WithDiagram(TestImages.Png(64, 64), Diagrams.Replace("diagrams/architecture.png", path, StringComparison.Ordinal));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal($"diagram '{path}' {problem}", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", path), error.Location);
    }

    [Fact]
    public void ALinkThatLeadsOutOfTheWorkspaceIsRefused()
    {
        using var outside = new TempDirectory();
        File.WriteAllBytes(Path.Combine(outside.Path, "secret.png"), TestImages.Png(64, 64));
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "settings:\n", Diagrams + "settings:\n");
        Directory.CreateDirectory(workspace.PathOf("diagrams"));
        File.CreateSymbolicLink(workspace.PathOf("diagrams/architecture.png"), Path.Combine(outside.Path, "secret.png"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("diagram 'diagrams/architecture.png' escapes the workspace through a link (it leads to ", error.Message, StringComparison.Ordinal);
        Assert.Equal(workspace.Locate("evidence.yaml", "diagrams/architecture.png"), error.Location);
    }

    [Fact]
    public void ADiagramListedTwiceIsReportedAtTheSecond()
    {
        var twice = Diagrams + Diagrams["diagrams:\n".Length..];
        using var workspace = WithDiagram(TestImages.Png(64, 64), twice);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("diagram 'diagrams/architecture.png' is listed twice (first at line ", error.Message, StringComparison.Ordinal);
        Assert.Equal(workspace.Locate("evidence.yaml", "diagrams/architecture.png", occurrence: 2), error.Location);
    }

    private static void AssertOneError(WorkspaceBuilder workspace, string at, string message)
    {
        var error = Assert.Single(workspace.Load().Diagnostics);
        Assert.Equal(message, error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", at), error.Location);
    }

    private static WorkspaceBuilder WithDiagram(byte[] file, string diagrams = Diagrams)
    {
        var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "settings:\n", diagrams + "settings:\n");
        Directory.CreateDirectory(workspace.PathOf("diagrams"));
        File.WriteAllBytes(workspace.PathOf("diagrams/architecture.png"), file);
        return workspace;
    }
}

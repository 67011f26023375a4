using Evidence.Core.Files;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// A JPEG diagram is embedded in the PDF as it is (DCTDecode), so only the frames every viewer draws are accepted:
/// baseline, extended and progressive Huffman-coded frames (SOF0 to SOF2) of 8 bits a sample. The others are refused
/// with what they are and the export to use; the markers in the SOFn range that are not frames are walked past.
/// </summary>
public sealed class JpegFrameTests
{
    private const string Export = "export it again as a baseline or progressive 8-bit JPEG, or as PNG";

    [Fact]
    public void ALosslessJpegDiagramIsRefusedAtItsPathWithTheExportToUse()
    {
        using var workspace = new WorkspaceBuilder().Replace("evidence.yaml", "settings:\n", """
            diagrams:
              - file: diagrams/flow.jpg
                title: Data flow
                alt: The records flow from the clinic to the database.
            settings:

            """);
        Directory.CreateDirectory(workspace.PathOf("diagrams"));
        File.WriteAllBytes(workspace.PathOf("diagrams/flow.jpg"), Jpeg(0xC3));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Equal($"diagram 'diagrams/flow.jpg' is a lossless JPEG (SOF3), which PDF viewers may not draw; {Export}", error.Message);
        Assert.Equal(workspace.Locate("evidence.yaml", "diagrams/flow.jpg"), error.Location);
    }

    [Theory]
    [InlineData(0xC3, "a lossless JPEG (SOF3)")]
    [InlineData(0xC5, "a hierarchical JPEG (SOF5)")]
    [InlineData(0xC6, "a hierarchical progressive JPEG (SOF6)")]
    [InlineData(0xC7, "a hierarchical lossless JPEG (SOF7)")]
    [InlineData(0xC9, "an arithmetic-coded JPEG (SOF9)")]
    [InlineData(0xCA, "an arithmetic-coded progressive JPEG (SOF10)")]
    [InlineData(0xCB, "an arithmetic-coded lossless JPEG (SOF11)")]
    [InlineData(0xCD, "an arithmetic-coded hierarchical JPEG (SOF13)")]
    [InlineData(0xCE, "an arithmetic-coded hierarchical progressive JPEG (SOF14)")]
    [InlineData(0xCF, "an arithmetic-coded hierarchical lossless JPEG (SOF15)")]
    public void AFrameViewersMayNotDrawIsRefusedSayingWhatItIs(byte frame, string kind)
    {
        Assert.Null(ImageHeader.Read(Jpeg(frame), out var problem));
        Assert.Equal($"is {kind}, which PDF viewers may not draw; {Export}", problem);
    }

    [Theory]
    [InlineData(0xC1, 12)]
    [InlineData(0xC0, 12)]
    [InlineData(0xC2, 16)]
    public void AJpegOfMoreThanEightBitsASampleIsRefused(byte frame, byte precision)
    {
        Assert.Null(ImageHeader.Read(Jpeg(frame, precision), out var problem));
        Assert.Equal($"is a {precision}-bit JPEG, which PDF viewers may not draw; {Export}", problem);
    }

    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    public void BaselineExtendedAndProgressiveEightBitJpegsAreAccepted(byte frame)
    {
        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 800, 600), ImageHeader.Read(Jpeg(frame), out var problem));
        Assert.Equal(string.Empty, problem);
    }

    [Theory]
    [InlineData(0xC4)] // DHT: a Huffman table, with no code counted
    [InlineData(0xC8)] // JPG: reserved for extensions
    [InlineData(0xCC)] // DAC: arithmetic coding conditioning
    public void AMarkerOfTheSofRangeThatIsNoFrameIsWalkedPastToTheFrame(byte marker)
    {
        byte[] table = marker == 0xC4 ? [0x00, .. new byte[16]] : [0x00, 0x11];

        Assert.Equal(new ImageInfo(ImageFormat.Jpeg, 800, 600), ImageHeader.Read(Jpeg(0xC2, before: (marker, table)), out var problem));
        Assert.Equal(string.Empty, problem);
    }

    /// <summary>
    /// An 800 × 600 RGB JPEG's start: SOI, JFIF, the segment <paramref name="before"/> (its marker, then its payload) if
    /// any, and a frame header with the marker <paramref name="frame"/> and <paramref name="precision"/> bits a sample.
    /// </summary>
    private static byte[] Jpeg(byte frame, byte precision = 8, (byte Marker, byte[] Payload)? before = null)
    {
        byte[] jfif = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] segment = before is { } s ? [0xFF, s.Marker, 0, (byte)(s.Payload.Length + 2), .. s.Payload] : [];
        byte[] header = [0xFF, frame, 0, 17, precision, 600 >> 8, 600 & 0xFF, 800 >> 8, 800 & 0xFF, 3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1];
        return [0xFF, 0xD8, .. jfif, .. segment, .. header, 0xFF, 0xD9];
    }
}

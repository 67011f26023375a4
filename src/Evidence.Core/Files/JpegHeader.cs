using System.Buffers.Binary;

namespace Evidence.Core.Files;

/// <summary>
/// A JPEG's header, read for <see cref="ImageHeader"/>: its markers walked up to the frame header (SOFn), which gives
/// the size and says how the picture is coded. Only baseline, extended and progressive Huffman frames of 8 bits a
/// sample are accepted: a PDF embeds the JPEG as it is (DCTDecode), and viewers may not draw the other kinds.
/// </summary>
internal static class JpegHeader
{
    private const string Export = "export it again as a baseline or progressive 8-bit JPEG, or as PNG";

    public static ImageInfo? Read(ReadOnlySpan<byte> data, out string problem)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF)
            {
                break;
            }

            var marker = data[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2 || position + 2 + length > data.Length)
            {
                break;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Frame(marker, data.Slice(position + 4, length - 2), out problem);
            }

            if (marker is 0xDA or 0xD9)
            {
                break; // scan data or the end before any frame header
            }

            position += 2 + length;
        }

        problem = "is a JPEG without a readable frame header (SOFn); the file is damaged or cut short, export it again";
        return null;
    }

    private static ImageInfo? Frame(byte marker, ReadOnlySpan<byte> frame, out string problem)
    {
        if (Undrawable(marker) is { } kind)
        {
            problem = $"is {kind} JPEG (SOF{marker - 0xC0}), which PDF viewers may not draw; {Export}";
            return null;
        }

        if (frame.Length < 6)
        {
            problem = "is a JPEG whose frame header is cut short; export it again";
            return null;
        }

        if (frame[0] != 8)
        {
            problem = $"is a {frame[0]}-bit JPEG, which PDF viewers may not draw; {Export}";
            return null;
        }

        var components = frame[5];
        if (components is not (1 or 3))
        {
            problem = $"is a JPEG with {components} colour components (CMYK or unusual); export it as RGB or greyscale, or as PNG";
            return null;
        }

        problem = string.Empty;
        return new ImageInfo(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(frame[3..]), BinaryPrimitives.ReadUInt16BigEndian(frame[1..]));
    }

    /// <summary>
    /// The kind of a frame PDF viewers may not draw, for the message ("a lossless"); null for the three they
    /// draw: SOF0 (baseline), SOF1 (extended) and SOF2 (progressive), all Huffman-coded.
    /// </summary>
    private static string? Undrawable(byte marker) => marker switch
    {
        0xC3 => "a lossless",
        0xC5 => "a hierarchical",
        0xC6 => "a hierarchical progressive",
        0xC7 => "a hierarchical lossless",
        0xC9 => "an arithmetic-coded",
        0xCA => "an arithmetic-coded progressive",
        0xCB => "an arithmetic-coded lossless",
        0xCD => "an arithmetic-coded hierarchical",
        0xCE => "an arithmetic-coded hierarchical progressive",
        0xCF => "an arithmetic-coded hierarchical lossless",
        _ => null,
    };
}

using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Evidence.Core.Files;

/// <summary>
/// A PNG's header, read for <see cref="ImageHeader"/>: every chunk walked to IEND and checked against its CRC,
/// IHDR's size and pixel format, and only the formats the PDF writer (PDFsharp) draws correctly accepted.
/// </summary>
internal static class PngHeader
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static ImageInfo? Read(ReadOnlySpan<byte> data, out string problem)
    {
        var position = Signature.Length;
        ImageInfo? info = null;
        var rowBytes = 0L;
        using var pixels = new MemoryStream();
        while (true)
        {
            if (position + 12 > data.Length)
            {
                problem = "is a PNG that ends before its IEND chunk (the file is cut short); export it again";
                return null;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            var type = data.Slice(position + 4, 4);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                problem = $"is a PNG whose chunk at byte {position} runs past the end of the file; export it again";
                return null;
            }

            var body = data.Slice(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(data[(position + 8 + (int)length)..]);
            if (Crc32.Of(type, body) != crc)
            {
                problem = $"is a PNG whose '{System.Text.Encoding.ASCII.GetString(type)}' chunk is damaged (its CRC does not match); export it again";
                return null;
            }

            if (info is null)
            {
                if (!type.SequenceEqual("IHDR"u8) || length != 13)
                {
                    problem = "is a PNG without a valid IHDR header chunk first; export it again";
                    return null;
                }

                if (Ihdr(body, out problem) is not { } header)
                {
                    return null;
                }

                info = header;
                rowBytes = 1 + (((long)header.Width * Channels(body[9]) * body[8]) + 7) / 8;
            }

            if (type.SequenceEqual("IDAT"u8))
            {
                pixels.Write(body);
            }

            position += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                problem = pixels.Length == 0 ? "is a PNG without image data (no IDAT chunk); export it again" : Inflates(pixels, info.Value, rowBytes);
                return problem.Length == 0 ? info : null;
            }
        }
    }

    /// <summary>
    /// Empty when the image data inflates to exactly the rows IHDR promises; else what is wrong. A picture too large
    /// to embed is left to the size check, so a small file that inflates to gigabytes is never unpacked.
    /// </summary>
    private static string Inflates(MemoryStream compressed, ImageInfo info, long rowBytes)
    {
        if (ImageHeader.TooLarge(info))
        {
            return string.Empty;
        }

        var expected = rowBytes * info.Height;
        var total = 0L;
        compressed.Position = 0;
        try
        {
            using var inflate = new ZLibStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            var buffer = new byte[81920];
            for (var read = inflate.Read(buffer); read > 0 && total <= expected; read = inflate.Read(buffer))
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            return "is a PNG whose image data is damaged (it does not inflate); export it again";
        }

        return total == expected
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"is a PNG whose image data holds {(total > expected ? "more" : "less")} than its {info.Width} × {info.Height} pixels (cut short or damaged); export it again");
    }

    private static int Channels(byte colour) => colour switch
    {
        2 => 3,
        4 => 2,
        6 => 4,
        _ => 1,
    };

    private static ImageInfo? Ihdr(ReadOnlySpan<byte> body, out string problem)
    {
        var width = BinaryPrimitives.ReadUInt32BigEndian(body);
        var height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
        var (depth, colour) = (body[8], body[9]);
        var valid = colour switch
        {
            0 => depth is 1 or 2 or 4 or 8 or 16,
            3 => depth is 1 or 2 or 4 or 8,
            2 or 4 or 6 => depth is 8 or 16,
            _ => false,
        };
        if (!valid || body[10] != 0 || body[11] != 0 || body[12] > 1)
        {
            problem = $"is a PNG whose header is not valid (bit depth {depth}, colour type {colour}); export it again";
            return null;
        }

        // What the PDF writer (PDFsharp) decodes: 8 bits a channel, or a palette of 1, 4 or 8 bits. It refuses
        // 16-bit channels, 2-bit palettes and greyscale below 8 bits, so they are refused here, where the fix can be named.
        if (depth != 8 && !(colour == 3 && depth is 1 or 4))
        {
            problem = $"is a PNG with {depth}-bit {Kind(colour)} pixels, which the PDF writer cannot draw; export it as a PNG with 8 bits per channel (24-bit RGB, or 32-bit with transparency)";
            return null;
        }

        // PDFsharp reads an interlaced (Adam7) PNG without complaint but puts its pixels in the wrong places.
        if (body[12] == 1)
        {
            problem = "is an interlaced PNG, which the PDF writer draws scrambled; export it without interlacing";
            return null;
        }

        problem = string.Empty;
        return new ImageInfo(ImageFormat.Png, (int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
    }

    private static string Kind(byte colour) => colour switch
    {
        0 => "greyscale",
        2 => "RGB",
        3 => "palette",
        4 => "greyscale-and-alpha",
        _ => "RGBA",
    };

    /// <summary>The CRC-32 of PNG chunks (ISO 3309), over the chunk's type and data.</summary>
    private static class Crc32
    {
        private static readonly uint[] Table = Build();

        public static uint Of(ReadOnlySpan<byte> type, ReadOnlySpan<byte> body) => ~Update(Update(0xFFFFFFFFu, type), body);

        private static uint Update(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] Build()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}

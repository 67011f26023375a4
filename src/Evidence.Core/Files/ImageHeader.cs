using System.Buffers.Binary;
using System.Globalization;

namespace Evidence.Core.Files;

/// <summary>The picture formats a document can embed.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
}

/// <summary>What an image's header says: its format and its size in pixels.</summary>
public readonly record struct ImageInfo(ImageFormat Format, int Width, int Height);

/// <summary>
/// Reads an image's format and pixel size from its bytes, never from its name: a PNG's signature, its
/// chunks (each checked against its CRC, so a damaged file is found here and not by the PDF writer) and
/// IHDR; a JPEG's markers up to its frame header (SOFn). Anything else, SVG included, is refused with
/// the reason.
/// </summary>
public static class ImageHeader
{
    /// <summary>The smallest side a diagram may have, in pixels: anything smaller is not a readable diagram.</summary>
    public const int MinSide = 16;

    /// <summary>The largest side, in pixels.</summary>
    public const int MaxSide = 10_000;

    /// <summary>The most pixels in all (a 7,000 × 7,000 picture), so a decoder never unpacks gigabytes.</summary>
    public const long MaxPixels = 50_000_000;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The format and size of the image in <paramref name="data"/>; null with <paramref name="problem"/> set when it is not one we embed.</summary>
    public static ImageInfo? Read(ReadOnlySpan<byte> data, out string problem)
    {
        var info = data.StartsWith(PngSignature) ? Png(data, out problem)
            : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? Jpeg(data, out problem)
            : Unknown(data, out problem);
        if (info is { } i && Dimensions(i) is { } absurd)
        {
            problem = absurd;
            return null;
        }

        return info;
    }

    private static ImageInfo? Png(ReadOnlySpan<byte> data, out string problem)
    {
        var position = PngSignature.Length;
        ImageInfo? info = null;
        var hasData = false;
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
            }

            hasData |= type.SequenceEqual("IDAT"u8);
            position += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                problem = hasData ? string.Empty : "is a PNG without image data (no IDAT chunk); export it again";
                return hasData ? info : null;
            }
        }
    }

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

    private static ImageInfo? Jpeg(ReadOnlySpan<byte> data, out string problem)
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
                return Frame(data.Slice(position + 4, length - 2), out problem);
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

    private static ImageInfo? Frame(ReadOnlySpan<byte> frame, out string problem)
    {
        if (frame.Length < 6)
        {
            problem = "is a JPEG whose frame header is cut short; export it again";
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

    private static ImageInfo? Unknown(ReadOnlySpan<byte> data, out string problem)
    {
        var start = System.Text.Encoding.UTF8.GetString(data[..Math.Min(data.Length, 1024)]);
        problem = start.Contains("<svg", StringComparison.OrdinalIgnoreCase)
            ? "is an SVG drawing, which documents cannot embed (the PDF writer draws no SVG); export the diagram as PNG"
            : data.Length == 0 ? "is empty; export the diagram as PNG"
            : "is not a PNG or JPEG image (judged by its content, not its name); export the diagram as PNG";
        return null;
    }

    private static string? Dimensions(ImageInfo info) =>
        info.Width < MinSide || info.Height < MinSide || info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels
            ? string.Create(CultureInfo.InvariantCulture, $"is {info.Width} × {info.Height} pixels; a diagram must be {MinSide} to {MaxSide:N0} pixels a side and at most {MaxPixels / 1_000_000} million pixels in all, export it at a sensible size (such as 1600 × 1000)")
            : null;

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

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

    /// <summary>The format and size of the image in <paramref name="data"/>; null with <paramref name="problem"/> set when it is not one we embed.</summary>
    public static ImageInfo? Read(ReadOnlySpan<byte> data, out string problem)
    {
        var info = data.StartsWith(PngHeader.Signature) ? PngHeader.Read(data, out problem)
            : data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? JpegHeader.Read(data, out problem)
            : Unknown(data, out problem);
        if (info is { } i && Dimensions(i) is { } absurd)
        {
            problem = absurd;
            return null;
        }

        return info;
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

    /// <summary>Wider, taller or larger in pixels than a document embeds (such a picture is never unpacked).</summary>
    internal static bool TooLarge(ImageInfo info) =>
        info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels;

    private static string? Dimensions(ImageInfo info) =>
        info.Width < MinSide || info.Height < MinSide || TooLarge(info)
            ? string.Create(CultureInfo.InvariantCulture, $"is {info.Width} × {info.Height} pixels; a diagram must be {MinSide} to {MaxSide:N0} pixels a side and at most {MaxPixels / 1_000_000} million pixels in all, export it at a sensible size (such as 1600 × 1000)")
            : null;
}

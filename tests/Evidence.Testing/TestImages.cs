using System.Buffers.Binary;
using System.IO.Compression;

namespace Evidence.Testing;

/// <summary>Small, real image files for tests: a PNG any decoder reads, and the first bytes of a JPEG.</summary>
public static class TestImages
{
    /// <summary>An 8-bit RGB PNG of <paramref name="width"/> × <paramref name="height"/>: a blue frame on white.</summary>
    public static byte[] Png(int width, int height) => Png(width, height, depth: 8, colour: 2);

    /// <summary>
    /// A well-formed PNG of any bit depth and colour type (a palette one with its PLTE chunk): a frame of the
    /// highest sample value on the lowest, opaque.
    /// </summary>
    public static byte[] Png(int width, int height, byte depth, byte colour)
    {
        var channels = colour switch { 0 or 3 => 1, 4 => 2, 2 => 3, _ => 4 };
        var rowBytes = ((width * channels * depth) + 7) / 8;
        var rows = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            var row = new byte[rowBytes];
            for (var x = 0; x < width; x++)
            {
                var edge = x < 2 || y < 2 || x >= width - 2 || y >= height - 2;
                for (var c = 0; c < channels; c++)
                {
                    var alpha = c == channels - 1 && colour is 4 or 6;
                    Put(row, (x * channels) + c, depth, edge || alpha ? (1 << depth) - 1 : 0);
                }
            }

            rows.WriteByte(0);
            rows.Write(row);
        }

        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(rows.ToArray());
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = depth;
        header[9] = colour;
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        if (colour == 3)
        {
            var entries = Math.Min(1 << depth, 256);
            Chunk(png, "PLTE", [.. Enumerable.Range(0, entries).SelectMany(i => new[] { (byte)(255 - (i * 255 / (entries - 1))), (byte)(255 - (i * 255 / (entries - 1))), (byte)255 })]);
        }

        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A JPEG's start: SOI, a JFIF segment and a baseline frame header (SOF0) for the size and component count given.</summary>
    public static byte[] JpegHeader(int width, int height, int components = 3)
    {
        byte[] jfif = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        var frame = new List<byte> { 0xFF, 0xC0, 0, (byte)(8 + (3 * components)), 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, (byte)components };
        for (var c = 1; c <= components; c++)
        {
            frame.AddRange([(byte)c, 0x11, 0]);
        }

        return [0xFF, 0xD8, .. jfif, .. frame, 0xFF, 0xD9];
    }

    /// <summary>CRC-32 bit by bit, as the PNG specification's sample code computes it.</summary>
    public static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>Writes sample <paramref name="index"/> of <paramref name="depth"/> bits, big-endian as PNG packs them.</summary>
    private static void Put(byte[] row, int index, int depth, int value)
    {
        if (depth == 16)
        {
            BinaryPrimitives.WriteUInt16BigEndian(row.AsSpan(index * 2), (ushort)value);
            return;
        }

        var bit = index * depth;
        row[bit / 8] |= (byte)(value << (8 - depth - (bit % 8)));
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc(typed));
        png.Write(crc);
    }
}

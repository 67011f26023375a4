using System.Buffers.Binary;

namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// Writes a 'cmap' table with both subtables PDFsharp reads: Windows BMP (format 4) for the Basic
/// Multilingual Plane, and Windows full repertoire (format 12) for every code point.
/// </summary>
internal static class CmapWriter
{
    public static byte[] Write(CharacterMap map)
    {
        var runs = Runs(map.Mappings);
        var bmp = Format4(runs.Where(r => r.Last <= 0xFFFE).ToList());
        var full = Format12(runs);
        var table = new byte[4 + 16 + bmp.Length + full.Length];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 2);
        Record(span[4..], 3, 1, 20);
        Record(span[12..], 3, 10, 20 + bmp.Length);
        bmp.CopyTo(table, 20);
        full.CopyTo(table, 20 + bmp.Length);
        return table;
    }

    // Stretches of consecutive code points with consecutive glyphs.
    private static List<(int First, int Last, int Glyph)> Runs(IEnumerable<KeyValuePair<int, ushort>> mappings)
    {
        var runs = new List<(int First, int Last, int Glyph)>();
        foreach (var (code, glyph) in mappings)
        {
            if (runs.Count > 0 && runs[^1] is var last && last.Last + 1 == code && last.Glyph + (code - last.First) == glyph
                && (code != 0x10000 || last.Last > 0xFFFF))
            {
                runs[^1] = last with { Last = code };
            }
            else
            {
                runs.Add((code, code, glyph));
            }
        }

        return runs;
    }

    private static void Record(Span<byte> at, ushort platform, ushort encoding, int offset)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, platform);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], encoding);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], (uint)offset);
    }

    private static byte[] Format4(List<(int First, int Last, int Glyph)> runs)
    {
        // The format's length is 16 bits: a face with more stretches than fit keeps the first ones here (format 12 has all).
        var segments = Math.Min(runs.Count, 8000) + 1;
        var table = new byte[16 + (8 * segments)];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)table.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(segments * 2));
        var power = 1;
        var log = 0;
        while (power * 2 <= segments)
        {
            power *= 2;
            log++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(power * 2));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)((segments - power) * 2));
        var (ends, starts, deltas) = (14, 16 + (2 * segments), 16 + (4 * segments));
        for (var s = 0; s < segments; s++)
        {
            var (first, last, glyph) = s < segments - 1 ? runs[s] : (0xFFFF, 0xFFFF, 0xFFFF + 1);
            BinaryPrimitives.WriteUInt16BigEndian(span[(ends + (2 * s))..], (ushort)last);
            BinaryPrimitives.WriteUInt16BigEndian(span[(starts + (2 * s))..], (ushort)first);
            BinaryPrimitives.WriteUInt16BigEndian(span[(deltas + (2 * s))..], (ushort)((glyph - first) & 0xFFFF));
        }

        return table;
    }

    private static byte[] Format12(List<(int First, int Last, int Glyph)> runs)
    {
        var table = new byte[16 + (12 * runs.Count)];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 12);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)table.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], (uint)runs.Count);
        for (var r = 0; r < runs.Count; r++)
        {
            var at = span[(16 + (12 * r))..];
            BinaryPrimitives.WriteUInt32BigEndian(at, (uint)runs[r].First);
            BinaryPrimitives.WriteUInt32BigEndian(at[4..], (uint)runs[r].Last);
            BinaryPrimitives.WriteUInt32BigEndian(at[8..], (uint)runs[r].Glyph);
        }

        return table;
    }
}

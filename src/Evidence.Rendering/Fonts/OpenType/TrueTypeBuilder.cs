using System.Buffers.Binary;
using System.Text;

namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// Makes a TrueType font PDFsharp can embed out of a face it cannot: the same character map,
/// metrics and names, with 'glyf' outlines for the glyphs asked for (converted from CFF) and empty
/// glyphs for the rest. Glyph numbers stay those of the original face, so widths and the
/// character map carry over unchanged. A face without outlines (colour bitmaps) comes out with
/// empty glyphs only: text set in it takes its room and copies as text, and draws nothing.
/// </summary>
internal static class TrueTypeBuilder
{
    private static readonly string[] Copied = ["OS/2", "hhea", "hmtx"];

    /// <param name="face">The original face.</param>
    /// <param name="outlines">The glyphs to give outlines (from the face's CFF table); null or empty for none.</param>
    /// <param name="name">The new face's name: the PDF names its font after it, which is how the writer finds it again.</param>
    public static byte[] Build(SfntFace face, IReadOnlyCollection<int>? outlines, string name)
    {
        var glyphCount = SfntFace.U16(face.Table("maxp"), 4);
        var encoded = new byte[glyphCount][];
        var (maxPoints, maxContours) = (0, 0);
        if (outlines is { Count: > 0 } && face.Has("CFF "))
        {
            var cff = new CffFont(face.TableMemory("CFF "));
            var reader = new CharStringReader(cff);
            var glyph = new QuadraticGlyph();
            foreach (var id in outlines.Where(g => g > 0 && g < glyphCount && g < cff.GlyphCount).Order())
            {
                glyph.Clear();
                reader.Read(id, glyph);
                encoded[id] = glyph.Encode(out var points);
                (maxPoints, maxContours) = (Math.Max(maxPoints, points), Math.Max(maxContours, glyph.Contours));
            }
        }

        var loca = new byte[(glyphCount + 1) * 4];
        using var glyf = new MemoryStream();
        for (var g = 0; g < glyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(g * 4), (uint)glyf.Length);
            glyf.Write(encoded[g] ?? []);
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(glyphCount * 4), (uint)glyf.Length);

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in Copied.Where(face.Has))
        {
            tables[tag] = face.Table(tag).ToArray();
        }

        tables["cmap"] = HasBmpSubtable(face.Table("cmap")) ? face.Table("cmap").ToArray() : CmapWriter.Write(CharacterMap.Read(face));
        tables["name"] = Name(name);
        tables["head"] = Head(face.Table("head"));
        tables["maxp"] = Maxp(glyphCount, maxPoints, maxContours);
        tables["post"] = Post(face.Table("post"));
        tables["loca"] = loca;
        tables["glyf"] = glyf.Length == 0 ? [0] : glyf.ToArray();
        return Assemble(tables);
    }

    // PDFsharp looks characters of the BMP up in a Windows format-4 subtable only; a face without one gets a written map.
    private static bool HasBmpSubtable(ReadOnlySpan<byte> cmap)
    {
        var count = cmap.Length < 4 ? 0 : SfntFace.U16(cmap, 2);
        for (var i = 0; i < count; i++)
        {
            var record = 4 + (8 * i);
            var offset = (int)SfntFace.U32(cmap, record + 4);
            if (SfntFace.U16(cmap, record) == 3 && SfntFace.U16(cmap, record + 2) == 1 && offset < cmap.Length && SfntFace.U16(cmap, offset) == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A TrueType face as it is, renamed <paramref name="name"/>.</summary>
    public static byte[] Renamed(SfntFace face, string name)
    {
        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var tag in face.Tags)
        {
            tables[tag] = face.Table(tag).ToArray();
        }

        tables["name"] = Name(name);
        tables["head"] = Head(face.Table("head"), keepLoca: true);
        tables.Remove("DSIG");
        return Assemble(tables);
    }

    // Family, style, full and PostScript names (ids 1, 2, 4, 6), Windows Unicode, US English.
    private static byte[] Name(string name)
    {
        var strings = new[] { (1, name), (2, "Regular"), (4, name), (6, name) };
        var encoded = strings.Select(s => Encoding.BigEndianUnicode.GetBytes(s.Item2)).ToArray();
        var header = 6 + (12 * strings.Length);
        var table = new byte[header + encoded.Sum(e => e.Length)];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)strings.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)header);
        var offset = 0;
        for (var i = 0; i < strings.Length; i++)
        {
            var record = span[(6 + (12 * i))..];
            BinaryPrimitives.WriteUInt16BigEndian(record, 3);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], 0x409);
            BinaryPrimitives.WriteUInt16BigEndian(record[6..], (ushort)strings[i].Item1);
            BinaryPrimitives.WriteUInt16BigEndian(record[8..], (ushort)encoded[i].Length);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)offset);
            encoded[i].CopyTo(table, header + offset);
            offset += encoded[i].Length;
        }

        return table;
    }

    private static byte[] Head(ReadOnlySpan<byte> source, bool keepLoca = false)
    {
        var head = source[..54].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment, set once the file is whole
        if (!keepLoca)
        {
            BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // long 'loca' offsets
            BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(52), 0);
        }

        return head;
    }

    private static byte[] Maxp(int glyphs, int points, int contours)
    {
        var maxp = new byte[32];
        var span = maxp.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)glyphs);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)points);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)contours);
        BinaryPrimitives.WriteUInt16BigEndian(span[14..], 2); // maxZones
        return maxp;
    }

    // Version 3: no glyph names, which a PDF does not need.
    private static byte[] Post(ReadOnlySpan<byte> source)
    {
        var post = new byte[32];
        source[..Math.Min(32, source.Length)].CopyTo(post);
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);
        return post;
    }

    private static byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }

        var directory = 12 + (16 * count);
        var total = directory + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var font = new byte[total];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((count * 16) - (power * 16)));
        var (record, at, headAt) = (12, directory, 0);
        foreach (var (tag, data) in tables)
        {
            Encoding.ASCII.GetBytes(tag, span[record..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 4)..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 8)..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 12)..], (uint)data.Length);
            data.CopyTo(font, at);
            headAt = tag == "head" ? at : headAt;
            record += 16;
            at += (data.Length + 3) & ~3;
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], unchecked(0xB1B0AFBA - Checksum(font)));
        return font;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var b = 0; b < 4; b++)
            {
                word = (word << 8) | (i + b < data.Length ? data[i + b] : 0u);
            }

            sum = unchecked(sum + word);
        }

        return sum;
    }
}

using System.Buffers.Binary;
using System.Text;

namespace Evidence.Rendering.Fonts.OpenType;

/// <summary>
/// One face of an OpenType or TrueType file, read from its table directory. A collection (.ttc)
/// holds several faces over shared tables; <see cref="Open"/> takes one of them by index.
/// </summary>
internal sealed class SfntFace
{
    private readonly byte[] data;
    private readonly Dictionary<string, (int Offset, int Length)> tables = new(StringComparer.Ordinal);

    private SfntFace(byte[] data, int directory)
    {
        this.data = data;
        Version = Tag(data, directory);
        var count = U16(data, directory + 4);
        for (var i = 0; i < count; i++)
        {
            var record = directory + 12 + (16 * i);
            var offset = (int)U32(data, record + 8);
            var length = (int)U32(data, record + 12);
            if (offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new InvalidDataException($"The font's table '{Tag(data, record)}' lies outside the file.");
            }

            tables[Tag(data, record)] = (offset, length);
        }
    }

    /// <summary>"OTTO" for CFF outlines, 0x00010000 or "true" for TrueType outlines.</summary>
    public string Version { get; }

    /// <summary>Whether the glyphs are CFF (PostScript) outlines, which PDFsharp cannot embed.</summary>
    public bool IsCff => Version == "OTTO";

    /// <summary>The number of faces in a file: the collection's count, or 1.</summary>
    public static int FaceCount(byte[] data) =>
        data.Length >= 12 && Tag(data, 0) == "ttcf" ? (int)U32(data, 8) : 1;

    /// <summary>Face <paramref name="index"/> of <paramref name="data"/> (0 for a single-face file).</summary>
    public static SfntFace Open(byte[] data, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < 12)
        {
            throw new InvalidDataException("The font file is too short to hold a table directory.");
        }

        if (Tag(data, 0) != "ttcf")
        {
            return new SfntFace(data, 0);
        }

        var count = (int)U32(data, 8);
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"The collection holds {count} faces.");
        }

        return new SfntFace(data, (int)U32(data, 12 + (4 * index)));
    }

    public bool Has(string tag) => tables.ContainsKey(tag);

    /// <summary>The tags of the face's tables.</summary>
    public IEnumerable<string> Tags => tables.Keys;

    /// <summary>The bytes of table <paramref name="tag"/>, empty when the face has none.</summary>
    public ReadOnlySpan<byte> Table(string tag) =>
        tables.TryGetValue(tag, out var t) ? data.AsSpan(t.Offset, t.Length) : [];

    /// <summary>The same bytes as <see cref="Table"/>, as memory that outlives the call.</summary>
    public ReadOnlyMemory<byte> TableMemory(string tag) =>
        tables.TryGetValue(tag, out var t) ? data.AsMemory(t.Offset, t.Length) : ReadOnlyMemory<byte>.Empty;

    /// <summary>The face's family name (name id 1, English or the first Unicode record).</summary>
    public string FamilyName()
    {
        var name = Table("name");
        if (name.Length < 6)
        {
            return string.Empty;
        }

        var count = U16(name, 2);
        var strings = U16(name, 4);
        for (var i = 0; i < count; i++)
        {
            var r = 6 + (12 * i);
            var (platform, language, id) = (U16(name, r), U16(name, r + 4), U16(name, r + 6));
            if (id == 1 && platform == 3 && language == 0x409)
            {
                return Encoding.BigEndianUnicode.GetString(name.Slice(strings + U16(name, r + 10), U16(name, r + 8)));
            }
        }

        return string.Empty;
    }

    internal static ushort U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    internal static short I16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadInt16BigEndian(data[offset..]);

    internal static uint U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);

    private static string Tag(ReadOnlySpan<byte> data, int offset) => Encoding.ASCII.GetString(data.Slice(offset, 4));
}

using System.Text;
using Evidence.Core.Diagnostics;

namespace Evidence.Core.Loading;

/// <summary>
/// Line and column of byte offsets in a UTF-8 file, counted the way the YAML reader counts them (1-based,
/// columns in characters), for offsets asked in increasing order: one pass over the bytes in all.
/// </summary>
internal sealed class ManifestBytes(byte[] bytes, string file)
{
    private long _scanned;
    private int _line = 1;
    private long _lineStart;

    public byte[] Bytes { get; } = bytes;

    public SourceLocation Locate(long offset)
    {
        for (; _scanned < offset; _scanned++)
        {
            if (Bytes[_scanned] == (byte)'\n')
            {
                _line++;
                _lineStart = _scanned + 1;
            }
        }

        var column = 1;
        for (var i = _lineStart; i < offset; i++)
        {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if ((Bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return new SourceLocation(file, _line, column);
    }

    public static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}

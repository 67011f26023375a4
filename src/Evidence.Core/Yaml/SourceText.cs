using System.Buffers;
using System.Text;
using Evidence.Core.Diagnostics;

namespace Evidence.Core.Yaml;

/// <summary>
/// Reads an input file as UTF-8 (a byte-order mark is skipped). A byte that is not UTF-8 becomes U+FFFD, as
/// before, but no longer silently: it is reported at its line and column, since the text a reader sees is not
/// what the file says.
/// </summary>
internal static class SourceText
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static string Read(string path, string displayPath, DiagnosticBag diagnostics)
    {
        ReadOnlySpan<byte> bytes = File.ReadAllBytes(path);
        if (bytes.StartsWith(Bom))
        {
            bytes = bytes[Bom.Length..];
        }

        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var (line, column) = Position(chars.AsSpan(0, written));
        diagnostics.Error(new SourceLocation(displayPath, line, column),
            $"the file is not valid UTF-8 here (byte 0x{bytes[read]:X2}); save it as UTF-8 (the text read on shows U+FFFD in its place)");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The 1-based line and column just after <paramref name="text"/>.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<char> text)
    {
        var lastBreak = text.LastIndexOf('\n');
        var line = text.Count('\n') + 1;
        return (line, text.Length - lastBreak);
    }
}

using System.Text;
using Evidence.Core.Scanning;
using Evidence.Testing;

namespace Evidence.Core.Tests.Scanning;

/// <summary>Reading a file as text for the scanner: streamed in two passes, with the same answers as decoding it whole.</summary>
public sealed class WorkspaceTextsTests
{
    [Fact]
    public void ALargeTextWithCharactersAcrossBufferEdgesReadsAsDecodingItWhole()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("manifest.json");
        // 2-, 3- and 4-byte characters (é, €, 𝄞) at every offset, so some straddle each 64 KiB read.
        var text = new StringBuilder();
        for (var i = 0; text.Length < 400_000; i++)
        {
            text.Append("{\"item\": ").Append(i).Append(", \"name\": \"café € 𝄞\"}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));

        Assert.Equal(text.ToString(), WorkspaceTexts.ReadText(path));
    }

    [Fact]
    public void BytesThatAreNotUtf8OrANulByteMakeAFileBinary()
    {
        using var folder = new TempDirectory();
        var invalid = folder.Combine("invalid.txt");
        var bytes = Encoding.UTF8.GetBytes(new string('a', 100_000));
        bytes[90_000] = 0xC3; // a lead byte followed by 'a', far past the first read
        File.WriteAllBytes(invalid, bytes);
        var nul = folder.Combine("nul.bin");
        File.WriteAllBytes(nul, [0x50, 0x4B, 0x00, 0x01]);
        var empty = folder.Combine("empty.txt");
        File.WriteAllBytes(empty, []);

        Assert.Null(WorkspaceTexts.ReadText(invalid));
        Assert.Null(WorkspaceTexts.ReadText(nul));
        Assert.Equal(string.Empty, WorkspaceTexts.ReadText(empty));
    }
}

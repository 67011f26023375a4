using System.Text;
using Evidence.Rendering.Pdf.Finishing;

namespace Evidence.Rendering.Tests.Pdf.Finishing;

public sealed class XmpIdRewritingStreamTests
{
    private const string Fixed = "00000000-1111-2222-3333-444444444444";
    private const string Random = "9d10797e-4faa-9bff-5caf-a4b91d2d1308";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void BothXmpIdsAreReplacedHoweverTheBytesAreChunked(int chunk)
    {
        var input = $"%PDF <x:xmpmeta><xmpMM:DocumentID>uuid:{Random}</xmpMM:DocumentID><xmpMM:InstanceID>uuid:{Random}</xmpMM:InstanceID> trailer";

        var output = Rewrite(input, chunk);

        Assert.Equal(input.Replace(Random, Fixed, StringComparison.Ordinal), output);
    }

    [Fact]
    public void TextThatIsNoUuidIsLeftAlone()
    {
        var input = "<xmpMM:DocumentID>uuid:not a uuid at all, just some text here</xmpMM:DocumentID>";

        Assert.Equal(input, Rewrite(input, 5));
    }

    [Fact]
    public void ThePositionCountsEveryByteWritten()
    {
        using var sink = new MemoryStream();
        using var stream = new XmpIdRewritingStream(sink, Fixed);

        stream.Write(new byte[1000]);

        Assert.Equal(1000, stream.Position);
    }

    private static string Rewrite(string input, int chunk)
    {
        var bytes = Encoding.ASCII.GetBytes(input);
        using var sink = new MemoryStream();
        using (var stream = new XmpIdRewritingStream(sink, Fixed))
        {
            for (var i = 0; i < bytes.Length; i += chunk)
            {
                stream.Write(bytes, i, Math.Min(chunk, bytes.Length - i));
            }
        }

        return Encoding.ASCII.GetString(sink.ToArray());
    }
}

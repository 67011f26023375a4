using Evidence.Rendering.Pdf.Text;

namespace Evidence.Rendering.Tests.Pdf.Text;

public sealed class LineBreakerTests
{
    // Every character is one unit wide, so widths are character counts.
    private static List<string> Break(string text, double width)
    {
        var lines = new List<TextLine>();
        LineBreaker.Break(text, Enumerable.Repeat(1f, text.Length).ToArray(), width, lines);
        return [.. lines.Select(l => text[l.Start..l.End])];
    }

    [Fact]
    public void LinesBreakAtSpacesAndDropTheSpaceTheyBreakAt()
    {
        Assert.Equal(["the quick", "brown fox", "jumps"], Break("the quick brown fox jumps", 10));
    }

    [Fact]
    public void ATokenWiderThanALineFillsTheLineAndBreaksAfterPunctuation()
    {
        Assert.Equal(["role arn:aws:", "iam::1234:", "role/admin"], Break("role arn:aws:iam::1234:role/admin", 13));
    }

    [Theory]
    [InlineData("S3_BUCKET_PUBLIC_READ_PROHIBITED", 14, new[] { "S3_BUCKET_", "PUBLIC_READ_", "PROHIBITED" })]
    [InlineData("acme-legacy-phi-exports-bucket", 14, new[] { "acme-legacy-", "phi-exports-", "bucket" })]
    [InlineData("arn:aws:s3:::acme/exports/2026", 12, new[] { "arn:aws:s3::", ":acme/", "exports/2026" })]
    [InlineData("vpc.flow.logs.enabled.check", 10, new[] { "vpc.flow.", "logs.", "enabled.", "check" })]
    [InlineData("policy(storage)accounts", 16, new[] { "policy(storage)", "accounts" })]
    public void AnIdentifierBreaksOnlyAfterItsSeparatorsNotInsideAWord(string identifier, double width, string[] expected)
    {
        Assert.Equal(expected, Break(identifier, width));
    }

    [Fact]
    public void ATokenWithoutPunctuationBreaksBetweenAnyTwoCharacters()
    {
        Assert.Equal(["abcdefgh", "ijklmnop", "qr"], Break("abcdefghijklmnopqr", 8));
    }

    [Fact]
    public void AWordThatFitsALineMovesToTheNextLineWhole()
    {
        Assert.Equal(["see", "bucket-name"], Break("see bucket-name", 12));
    }

    [Fact]
    public void HardLineBreaksAreKeptAndIndentationOnThemToo()
    {
        Assert.Equal(["if (x)", "    return;", "", "end"], Break("if (x)\n    return;\n\nend", 40));
    }

    [Fact]
    public void EmptyTextIsOneEmptyLine()
    {
        Assert.Equal([""], Break("", 10));
    }

    [Fact]
    public void NoLineIsWiderThanItsWidthAndNoCharacterIsLost()
    {
        var random = new Random(20261120);
        const string alphabet = "abc def/ghi:jk-l_m.n  ";
        for (var run = 0; run < 2000; run++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 120)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var width = random.Next(1, 30);

            var lines = Break(text, width);

            Assert.All(lines, line => Assert.True(line.Length <= width, $"'{line}' is wider than {width}"));
            Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(lines).Replace(" ", "", StringComparison.Ordinal));
        }
    }
}

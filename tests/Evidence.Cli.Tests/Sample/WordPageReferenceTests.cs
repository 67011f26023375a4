using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Evidence.Rendering;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Cli.Tests.Sample;

/// <summary>
/// Every internal link names its page in Word as it does in the PDF, "(p. 42)": a PAGEREF field to the link's bookmark
/// whose shown number is the PDF's page, the same number the contents give for that heading.
/// </summary>
public sealed partial class WordPageReferenceTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    [Theory]
    [InlineData(DocumentKind.Ssp)]
    [InlineData(DocumentKind.Binder)]
    public void AnInternalLinkIsFollowedByItsPageAsTheContentsGiveIt(DocumentKind kind)
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(sample.Bytes(kind, "docx")), isEditable: false);
        var body = docx.MainDocumentPart!.Document.Body!;
        var contents = Contents(body);
        var references = References(body);

        Assert.True(references.Count >= 20, $"only {references.Count} page references");
        Assert.All(references, r => Assert.Matches(@"^[1-9][0-9]*$", r.Shown));
        Assert.All(references, r => Assert.EndsWith(" (p.\u00A0", r.Before, StringComparison.Ordinal));
        var checkedAgainstContents = references.Where(r => contents.ContainsKey(r.Bookmark)).ToList();
        Assert.True(checkedAgainstContents.Count >= 10, $"only {checkedAgainstContents.Count} references lead to a heading in the contents");
        Assert.All(checkedAgainstContents, r => Assert.Equal(contents[r.Bookmark], r.Shown));
    }

    /// <summary>The contents' entries: bookmark → the page number printed after the dot leader.</summary>
    private static Dictionary<string, string> Contents(W.Body body) =>
        body.Descendants<W.Hyperlink>()
            .Where(h => h.Anchor is not null && h.Descendants<W.TabChar>().Any())
            .GroupBy(h => h.Anchor!.Value!)
            .ToDictionary(g => g.Key, g => g.First().Descendants<W.TabChar>().Last().Parent!.Descendants<W.Text>().Last().Text);

    /// <summary>Each PAGEREF field: its bookmark, the number it shows, and the text of the run before it.</summary>
    private static List<(string Bookmark, string Shown, string Before)> References(W.Body body)
    {
        var runs = body.Descendants<W.Run>().ToList();
        var found = new List<(string, string, string)>();
        for (var i = 1; i < runs.Count - 2; i++)
        {
            if (runs[i].GetFirstChild<W.FieldCode>() is { } code && PageRef().Match(code.Text) is { Success: true } match)
            {
                var shown = runs.Skip(i + 1).SkipWhile(r => r.GetFirstChild<W.Text>() is null).First().GetFirstChild<W.Text>()!.Text;
                var before = string.Concat(runs[i - 2].Descendants<W.Text>().Select(t => t.Text));
                found.Add((match.Groups[1].Value, shown, before));
            }
        }

        return found;
    }

    [GeneratedRegex(@"^\s*PAGEREF (\S+) \\h\s*$")]
    private static partial Regex PageRef();
}

using UglyToad.PdfPig.Content;

namespace Evidence.Cli.Tests.Sample;

/// <summary>What PdfPig reads back from a page: its lines, its headings, its text without spaces.</summary>
internal static class PdfText
{
    /// <summary>The page's text lines, top to bottom, each its words left to right joined by single spaces.</summary>
    public static IReadOnlyList<string> Lines(Page page) =>
        [.. page.GetWords()
            .GroupBy(w => Math.Round(w.BoundingBox.Bottom))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))];

    /// <summary>The body's lines: without the running header (first line) and footer (last line).</summary>
    public static IReadOnlyList<string> BodyLines(Page page) => [.. Lines(page).Skip(1).SkipLast(1)];

    /// <summary>The page's letters with whitespace removed, so a token broken over two lines is still found.</summary>
    public static string Squeezed(Page page, double minimumSize = 0) =>
        string.Concat(page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && l.PointSize >= minimumSize).Select(l => l.Value));

    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The size below which text is not a heading: the writer's headings are 18, 14, 12 and 10.5 points, body text 10.</summary>
    public const double SmallestHeading = 10.25;
}

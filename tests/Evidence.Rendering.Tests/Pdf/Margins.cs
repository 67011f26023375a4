using UglyToad.PdfPig.Content;

namespace Evidence.Rendering.Tests.Pdf;

/// <summary>The page's margin box (US Letter, 0.75in margins) and the glyphs that stray outside it.</summary>
internal static class Margins
{
    public const double Width = 612;
    public const double Height = 792;
    public const double Margin = 54;
    private const double Tolerance = 0.5;

    public static IReadOnlyList<string> Outside(Page page) =>
        [.. page.Letters
            .Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Where(l => l.BoundingBox.Left < Margin - Tolerance
                || l.BoundingBox.Right > Width - Margin + Tolerance
                || l.BoundingBox.Bottom < Margin - Tolerance
                || l.BoundingBox.Top > Height - Margin + Tolerance)
            .Select(l => $"page {page.Number}: '{l.Value}' at {l.BoundingBox}")];
}

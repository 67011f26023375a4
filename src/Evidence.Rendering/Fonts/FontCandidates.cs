namespace Evidence.Rendering.Fonts;

/// <summary>
/// The families we look for, best first, and the file names each face goes by on Linux,
/// Windows and macOS. Matching file names (not font metadata) keeps the choice fast and
/// the same on every run.
/// </summary>
internal static class FontCandidates
{
    public static IReadOnlyList<FamilyFiles> Proportional { get; } =
    [
        new("DejaVu Sans", ["DejaVuSans.ttf"], ["DejaVuSans-Bold.ttf"], ["DejaVuSans-Oblique.ttf"], ["DejaVuSans-BoldOblique.ttf"]),
        new("Liberation Sans", ["LiberationSans-Regular.ttf"], ["LiberationSans-Bold.ttf"], ["LiberationSans-Italic.ttf"], ["LiberationSans-BoldItalic.ttf"]),
        new("Noto Sans", ["NotoSans-Regular.ttf"], ["NotoSans-Bold.ttf"], ["NotoSans-Italic.ttf"], ["NotoSans-BoldItalic.ttf"]),
        new("Arial", ["arial.ttf", "Arial.ttf"], ["arialbd.ttf", "Arial Bold.ttf"], ["ariali.ttf", "Arial Italic.ttf"], ["arialbi.ttf", "Arial Bold Italic.ttf"]),
        new("Helvetica", ["Helvetica.ttf"], ["Helvetica-Bold.ttf"], ["Helvetica-Oblique.ttf"], ["Helvetica-BoldOblique.ttf"]),
    ];

    public static IReadOnlyList<string> Monospace { get; } =
    [
        "DejaVuSansMono.ttf",
        "LiberationMono-Regular.ttf",
        "NotoSansMono-Regular.ttf",
        "cour.ttf",
        "Courier New.ttf",
    ];

    /// <summary>One family: the file names of its four faces.</summary>
    internal sealed record FamilyFiles(
        string Name,
        IReadOnlyList<string> Regular,
        IReadOnlyList<string> Bold,
        IReadOnlyList<string> Italic,
        IReadOnlyList<string> BoldItalic);
}

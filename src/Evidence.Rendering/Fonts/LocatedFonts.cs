namespace Evidence.Rendering.Fonts;

/// <summary>
/// The TrueType files a document is drawn with. A face left null is simulated from
/// <see cref="Regular"/> (slanted or emboldened); a null <see cref="Monospace"/> means code is set
/// in the regular face.
/// </summary>
/// <param name="Regular">The regular face's file.</param>
/// <param name="FamilyName">The family found, such as "DejaVu Sans", or the file name of a font named by the settings.</param>
public sealed record LocatedFonts(string FamilyName, string Regular)
{
    public string? Bold { get; init; }

    public string? Italic { get; init; }

    public string? BoldItalic { get; init; }

    public string? Monospace { get; init; }
}

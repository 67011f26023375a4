namespace Evidence.Rendering.Fonts;

/// <summary>No usable font: the message says what was searched and what to install.</summary>
public sealed class FontNotFoundException : Exception
{
    public FontNotFoundException()
    {
    }

    public FontNotFoundException(string message)
        : base(message)
    {
    }

    public FontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>No font of any family we know was found in the searched folders.</summary>
    public static FontNotFoundException NoUsableFont(IReadOnlyList<string> searchedFolders)
    {
        var searched = searchedFolders.Count == 0 ? "no folders" : string.Join(", ", searchedFolders);
        return new FontNotFoundException(
            "No usable TrueType font was found to render the PDF (searched " + searched + "). " +
            "Install DejaVu Sans (Debian/Ubuntu: apt-get install fonts-dejavu-core; Fedora: dnf install dejavu-sans-fonts; " +
            "Alpine: apk add font-dejavu), or Liberation Sans, Noto Sans or Arial, " +
            "or name a TrueType (.ttf) file in the font setting.");
    }

    /// <summary>The font file named by the settings does not exist.</summary>
    public static FontNotFoundException FontFileMissing(string path) =>
        new("The font file '" + path + "' named by the font setting does not exist.");

    /// <summary>The font file named by the settings is not a TrueType font PDFsharp can embed.</summary>
    public static FontNotFoundException NotTrueType(string path) =>
        new("The font file '" + path + "' is not a TrueType font (.ttf with TrueType outlines); " +
            "name a .ttf file such as DejaVuSans.ttf in the font setting.");
}

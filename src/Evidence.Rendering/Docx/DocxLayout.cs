using Evidence.Rendering.Theme;

namespace Evidence.Rendering.Docx;

/// <summary>Page geometry in twentieths of a point (twips), from <see cref="DocumentTheme"/>: the PDF's page and margins.</summary>
internal static class DocxLayout
{
    public const int PageWidth = (int)(DocumentTheme.PageWidth * 20);
    public const int PageHeight = (int)(DocumentTheme.PageHeight * 20);
    public const int Margin = (int)(DocumentTheme.Margin * 20);
    public const int HeaderDistance = Margin / 2;

    /// <summary>The width between the margins, which tables fill.</summary>
    public const int TextWidth = PageWidth - (2 * Margin);

    /// <summary>How far each list level indents its text.</summary>
    public const int ListIndent = (int)(DocumentTheme.ListIndent * 20);

    public const string BodyFont = DocumentTheme.BodyFont;
    public const string MonospaceFont = DocumentTheme.MonospaceFont;

    /// <summary>A size in points as Word's half-points.</summary>
    public static int HalfPoints(double points) => (int)Math.Round(points * 2);

    /// <summary>A length in points as twips.</summary>
    public static int Twips(double points) => (int)Math.Round(points * 20);
}

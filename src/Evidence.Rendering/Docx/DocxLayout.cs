namespace Evidence.Rendering.Docx;

/// <summary>Page geometry in twentieths of a point (twips): US Letter with one-inch margins.</summary>
internal static class DocxLayout
{
    public const int PageWidth = 12240;
    public const int PageHeight = 15840;
    public const int Margin = 1440;
    public const int HeaderDistance = 720;

    /// <summary>The width between the margins, which tables fill.</summary>
    public const int TextWidth = PageWidth - (2 * Margin);

    /// <summary>How far each list level indents its text.</summary>
    public const int ListIndent = 360;

    public const string BodyFont = "Calibri";
    public const string MonospaceFont = "Consolas";
}

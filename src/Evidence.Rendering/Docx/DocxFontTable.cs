using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Evidence.Rendering.Docx;

/// <summary>
/// Describes the two fonts the styles name. Where a font is missing (LibreOffice on Linux), the
/// family and pitch let the reader pick a close substitute: a sans for the body, a fixed-pitch for code.
/// </summary>
internal static class DocxFontTable
{
    public static W.Fonts Build()
    {
        var fonts = new W.Fonts(
            Font(DocxLayout.BodyFont, "020B0603030804020204", W.FontFamilyValues.Swiss, W.FontPitchValues.Variable),
            Font(DocxLayout.MonospaceFont, "020B0609020204030204", W.FontFamilyValues.Modern, W.FontPitchValues.Fixed));
        fonts.AddNamespaceDeclaration("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
        return fonts;
    }

    private static W.Font Font(string name, string panose, W.FontFamilyValues family, W.FontPitchValues pitch) => new(
        new W.Panose1Number { Val = panose },
        new W.FontCharSet { Val = "00" },
        new W.FontFamily { Val = family },
        new W.Pitch { Val = pitch })
    {
        Name = name,
    };
}

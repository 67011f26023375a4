namespace Evidence.Rendering.Pdf.Text;

/// <summary>Which font draws a character.</summary>
internal enum FontChoice : byte
{
    /// <summary>The document's own face.</summary>
    Primary,

    /// <summary>No font has the character: the face's empty box (.notdef) is drawn, as wide as the face says.</summary>
    Missing,

    /// <summary>
    /// The document's own face for a character beyond the Basic Multilingual Plane, drawn through a
    /// renamed copy of it so the PDF's map back to text can be written right (PDFsharp's is wrong there).
    /// </summary>
    Supplementary,

    /// <summary>The CJK fallback face.</summary>
    Cjk,

    /// <summary>The emoji fallback face, drawn as its colour bitmaps.</summary>
    Emoji,
}

namespace Evidence.Rendering.Pdf.Text;

/// <summary>Which font draws a character.</summary>
internal enum FontChoice : byte
{
    /// <summary>The document's own face (also for a character no font has: it shows the face's empty box).</summary>
    Primary,

    /// <summary>The CJK fallback face.</summary>
    Cjk,

    /// <summary>The emoji fallback face, drawn as its colour bitmaps.</summary>
    Emoji,
}

namespace Evidence.Rendering.Pdf.Text;

/// <summary>The five faces a document is set in.</summary>
internal enum FontFace : byte
{
    Regular,
    Bold,
    Italic,
    BoldItalic,
    Mono,
}

namespace Evidence.Rendering.Pdf.Text;

/// <summary>A stretch of a <see cref="StyledText"/> in one face, part of link <see cref="Link"/> (-1: none).</summary>
internal readonly record struct TextSpan(int Start, int Length, FontFace Face, int Link)
{
    public int End => Start + Length;
}

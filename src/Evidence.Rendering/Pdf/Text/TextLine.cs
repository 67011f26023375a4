namespace Evidence.Rendering.Pdf.Text;

/// <summary>One line of a broken text: characters [Start, End) and their width in points.</summary>
internal readonly record struct TextLine(int Start, int End, double Width)
{
    public bool IsEmpty => End <= Start;
}

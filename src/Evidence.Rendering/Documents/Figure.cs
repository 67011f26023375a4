using Evidence.Core.Files;

namespace Evidence.Rendering.Documents;

/// <summary>
/// A picture on its own, with the text that stands for it and an optional caption printed under it as
/// "Figure <see cref="Number"/>. <see cref="Caption"/>". Writers keep the picture and its caption on one page.
/// </summary>
/// <param name="Image">The picture, its bytes already checked.</param>
/// <param name="Alt">The alternative text, never empty: a PDF Figure's /Alt, a Word picture's description.</param>
public sealed record Figure(FigureImage Image, string Alt) : Block
{
    /// <summary>The caption's text after "Figure N. "; null for a figure without one.</summary>
    public string? Caption { get; init; }

    /// <summary>The figure's number in its document, counting captioned figures from 1; 0 when it has no caption.</summary>
    public int Number { get; init; }

    /// <summary>The caption as printed: "Figure 1. System architecture"; null without one.</summary>
    public string? CaptionText => Caption is null ? null : $"Figure {Number}. {Caption}";
}

/// <summary>A PNG or JPEG picture: where it came from (as the Markdown names it), its format and size, and its bytes.</summary>
public sealed record FigureImage(string Source, ImageInfo Info, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>The size the picture is drawn at, in points: at 96 pixels to the inch, shrunk (never enlarged) to fit <paramref name="width"/> × <paramref name="height"/>, its proportions kept.</summary>
    public (double Width, double Height) FitWithin(double width, double height)
    {
        var natural = (Width: Info.Width * 0.75, Height: Info.Height * 0.75);
        var scale = Math.Min(1, Math.Min(width / natural.Width, height / natural.Height));
        return (natural.Width * scale, natural.Height * scale);
    }
}

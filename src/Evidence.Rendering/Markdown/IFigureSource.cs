using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Markdown;

/// <summary>Gives the picture an image in the Markdown (<c>![alt](file)</c>) names, read when the Markdown is converted.</summary>
public interface IFigureSource
{
    /// <summary>The picture at <paramref name="file"/>; throws <see cref="MarkdownException"/> (at <paramref name="line"/>) when it may not or cannot be embedded.</summary>
    FigureImage Image(string file, int line);
}

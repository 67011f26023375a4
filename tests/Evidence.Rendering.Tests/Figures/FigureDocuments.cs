using Evidence.Core.Files;
using Evidence.Rendering.Documents;
using Evidence.Rendering.Tests.Docx;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Figures;

/// <summary>Figures and documents that hold them, built in code for the PDF, Word and Markdown tests.</summary>
internal static class FigureDocuments
{
    public const string Alt = "Two boxes, the web tier and the database, joined by an arrow for the data flow.";

    public static Figure Figure(int width = 800, int height = 500, string? caption = "Architecture") =>
        new(new FigureImage("diagrams/architecture.png", new ImageInfo(ImageFormat.Png, width, height), TestImages.Png(width, height)), Alt)
        {
            Caption = caption,
            Number = caption is null ? 0 : 1,
        };

    /// <summary>A heading, <paramref name="paragraphs"/> paragraphs of filler, then the figure.</summary>
    public static Document With(Figure figure, int paragraphs = 0) => new(SampleDocuments.Info,
    [
        new Heading(1, [new TextRun("System boundary")], "boundary"),
        .. Enumerable.Range(1, paragraphs).Select(i => new Paragraph([new TextRun($"Paragraph {i} of text that fills the page before the figure comes.")])),
        figure,
        new Paragraph([new TextRun("After the figure.")]),
    ]);
}

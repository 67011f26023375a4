using Evidence.Rendering.Documents;
using Evidence.Rendering.Figures;
using Evidence.Rendering.Markdown;
using Evidence.Rendering.Tests.Docx;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Figures;

/// <summary>
/// An image paragraph, <c>![alt](file)</c>, with <c>Figure: caption</c> after it, becomes a numbered figure
/// when the file is one of the workspace's diagrams; anything else is refused with the line; the Markdown
/// writer writes it back the same way.
/// </summary>
public sealed class FigureMarkdownTests : IDisposable
{
    private readonly TempDirectory workspace = new();

    public FigureMarkdownTests()
    {
        Directory.CreateDirectory(workspace.Combine("diagrams"));
        File.WriteAllBytes(workspace.Combine("diagrams/architecture.png"), TestImages.Png(400, 250));
        File.WriteAllBytes(workspace.Combine("diagrams/flows.png"), TestImages.Png(300, 300));
        File.WriteAllText(workspace.Combine("notes.txt"), "not a diagram");
    }

    [Fact]
    public void AnImageParagraphWithACaptionBecomesANumberedFigure()
    {
        var blocks = Convert("![The web tier and \\*the database\\*](<diagrams/architecture.png>)\n\nFigure: Architecture\n\n![Flows](<diagrams/flows.png>)\n\nFigure: Data flows");

        Assert.Equal(2, blocks.Count);
        var first = Assert.IsType<Figure>(blocks[0]);
        Assert.Equal("The web tier and *the database*", first.Alt);
        Assert.Equal("Figure 1. Architecture", first.CaptionText);
        Assert.Equal((400, 250), (first.Image.Info.Width, first.Image.Info.Height));
        Assert.Equal(File.ReadAllBytes(workspace.Combine("diagrams/architecture.png")), first.Image.Bytes.ToArray());
        Assert.Equal("Figure 2. Data flows", Assert.IsType<Figure>(blocks[1]).CaptionText);
    }

    [Fact]
    public void AFigureWithoutACaptionIsNotNumbered()
    {
        var figure = Assert.IsType<Figure>(Assert.Single(Convert("![Flows](<diagrams/flows.png>)")));

        Assert.Null(figure.CaptionText);
        Assert.Equal(0, figure.Number);
    }

    [Theory]
    [InlineData("![](<diagrams/flows.png>)", "line 1: the image 'diagrams/flows.png' has no alternative text; write what it shows between the brackets: ![what it shows](diagrams/flows.png)")]
    [InlineData("Text\n\n![Notes](<notes.txt>)", "line 3: the image 'notes.txt' is not one of the workspace's diagrams (it lists diagrams/architecture.png, diagrams/flows.png); a document shows only the files listed under 'diagrams' in evidence.yaml")]
    [InlineData("See ![Flows](<diagrams/flows.png>) here.", "line 1: the image 'diagrams/flows.png' is inside text; an image is a paragraph of its own, ![what it shows](file), with its caption after it as 'Figure: caption'")]
    [InlineData("![Flows](<diagrams/flows.png>)\n\nFigure:  ", "line 3: the caption of the image 'diagrams/flows.png' is empty; write it after 'Figure:', or leave the line out")]
    public void WhatCannotBeAFigureIsRefusedAtItsLine(string markdown, string message)
    {
        var error = Assert.Throws<MarkdownException>(() => Convert(markdown));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ADiagramThatIsNoLongerAnImageIsRefusedWhenTheDocumentIsBuilt()
    {
        File.WriteAllText(workspace.Combine("diagrams/flows.png"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");

        var error = Assert.Throws<MarkdownException>(() => Convert("![Flows](<diagrams/flows.png>)"));

        Assert.Equal("line 1: the diagram 'diagrams/flows.png' is an SVG drawing, which documents cannot embed (the PDF writer draws no SVG); export the diagram as PNG", error.Message);
    }

    [Fact]
    public void WithoutDiagramsAnImageIsRefused()
    {
        var error = Assert.Throws<MarkdownException>(() => new MarkdownConverter().Convert("![Flows](<diagrams/flows.png>)"));

        Assert.Equal("line 1: the image 'diagrams/flows.png' cannot be shown here: this document has no diagrams to draw from", error.Message);
    }

    [Fact]
    public void TheMarkdownWriterWritesAFigureThatReadsBackTheSame()
    {
        var source = "# Boundary\n\n![The web tier | the database](<diagrams/architecture.png>)\n\nFigure: Architecture — \\*as built\\*\n";
        var first = Write(Convert(source));

        var second = Write(Convert(first));

        Assert.Equal(first, second);
        Assert.Contains("![The web tier \\| the database](<diagrams/architecture.png>)\n\nFigure: Architecture — \\*as built\\*\n", first, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();

    private IReadOnlyList<Block> Convert(string markdown) =>
        new MarkdownConverter(figures: new WorkspaceFigures(workspace.Path, ["diagrams/architecture.png", "diagrams/flows.png"])).Convert(markdown);

    private static string Write(IReadOnlyList<Block> blocks)
    {
        using var output = new MemoryStream();
        new MarkdownDocumentWriter().Write(new Document(SampleDocuments.Info, blocks), output, new RenderOptions());
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}

using Evidence.Rendering.Documents;

namespace Evidence.Rendering.Tests.Pdf;

public sealed class PdfTextTests
{
    [Fact]
    public void TheTextOfEveryKindOfBlockCanBeReadBack()
    {
        var document = Build.Document(
            Build.Heading(1, "Access control"),
            new Paragraph([new TextRun("Unique user identification is "), new TextRun("required") { Bold = true }, new TextRun(" for "), new TextRun("every") { Italic = true }, new TextRun(" workforce member.")]),
            new ListBlock(false, [[Build.Paragraph("First bullet item")], [Build.Paragraph("Second bullet item")]]),
            new ListBlock(true, [[Build.Paragraph("First numbered item")]]),
            new CodeBlock("SELECT resourceId FROM aws_config\n  WHERE compliance = 'NON_COMPLIANT'"),
            new ThematicBreak(),
            Build.Paragraph("Encryption keys rotate yearly.") with { Style = ParagraphStyle.Callout },
            Build.Table(["Control", "Status"], [["164.312(a)(1)", "Satisfied"]]));

        using var pdf = Rendered.Write(document);

        var lines = pdf.Pages.SelectMany(Rendered.BodyLines).ToList();
        Assert.Contains("Access control", lines);
        Assert.Contains("Unique user identification is required for every workforce member.", lines);
        Assert.Contains("• First bullet item", lines);
        Assert.Contains("1. First numbered item", lines);
        Assert.Contains("SELECT resourceId FROM aws_config", lines);
        Assert.Contains("WHERE compliance = 'NON_COMPLIANT'", lines);
        Assert.Contains("Encryption keys rotate yearly.", lines);
        Assert.Contains("164.312(a)(1) Satisfied", lines);
    }

    [Fact]
    public void AParagraphWithA300CharacterArnWrapsInsideTheMargins()
    {
        var arn = Build.Arn(300);
        var document = Build.Document(new Paragraph([new TextRun("The role "), new TextRun(arn) { Code = true }, new TextRun(" has no permission boundary.")]));

        using var pdf = Rendered.Write(document);

        var page = Assert.Single(pdf.Pages);
        Assert.Empty(Margins.Outside(page));
        Assert.Contains(arn, Rendered.Squeezed(page), StringComparison.Ordinal);
        Assert.True(Rendered.BodyLines(page).Count >= 3, "the ARN is broken over several lines");
    }

    [Fact]
    public void NoGlyphLiesOutsideTheMarginsWithLongArnsAndWideTables()
    {
        string[] headers = [.. Enumerable.Range(1, 9).Select(i => $"Column header number {i}")];
        var rows = Enumerable.Range(0, 60).Select(r => headers.Select((_, c) => c % 3 == 0 ? Build.Arn(120 + r, r) : $"value {r}-{c} with several words in it").ToArray());
        var document = Build.Document(
            Build.Heading(1, "A heading that goes on and on " + Build.Arn(200)),
            Build.Paragraph(Build.Arn(300)),
            new CodeBlock(Build.Arn(400) + "\n    indented " + Build.Arn(250, 3)),
            new ListBlock(false, [[Build.Paragraph(Build.Arn(300, 1))], [new ListBlock(true, [[Build.Paragraph(Build.Arn(280, 2))]])]]),
            Build.Table(headers, rows),
            Build.Table(["Resource", "Annotation"], [[Build.Arn(5000), "one row taller than a page"]]));

        using var pdf = Rendered.Write(document);

        Assert.Empty(pdf.Pages.SelectMany(Margins.Outside));
    }

    [Fact]
    public void TextOutsideWinAnsiIsDrawnAndReadBack()
    {
        var document = Build.Document(Build.Paragraph("Größe — ≥ 5 ✓ Ωmega naïve"));

        using var pdf = Rendered.Write(document);

        Assert.Contains("Größe — ≥ 5 ✓ Ωmega naïve", Rendered.BodyLines(pdf.Pages.Single()));
    }
}

using Evidence.Rendering.Documents;
using Evidence.Rendering.Pdf;

namespace Evidence.Rendering.Tests.Pdf.Text;

public sealed class FontFallbackTests
{
    private const string Cjk = "中文 日本語のクリニック 한국어 병원";
    private const string Grinning = "\U0001F600";
    private const string Flag = "\U0001F1FA\U0001F1F8";
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";

    [Fact]
    public void CjkTextIsDrawnInTheCjkFaceAndCopiesBackAsWritten()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var document = Build.Document(Build.Heading(1, "Clinics"), Build.Paragraph("Partner clinics: " + Cjk + "."));

        var bytes = Rendered.WriteBytes(document);

        Assert.Contains("Partner clinics: " + Cjk + ".", InstalledFallbacks.PdfToText(bytes), StringComparison.Ordinal);
        using var pdf = Rendered.Write(document);
        var fonts = pdf.Pages.SelectMany(p => p.Letters).Where(l => l.Value == "中").Select(l => l.FontName).Distinct().ToList();
        Assert.Contains(fonts, f => f?.Contains("NotoSansCJK", StringComparison.Ordinal) == true);

        // Only the glyphs used travel in the file, not the 20 MB face.
        Assert.True(bytes.Length < 150_000, $"the PDF is {bytes.Length} bytes");
    }

    [Fact]
    public void FallbackTextIsMarkedContentOfItsParagraphNotAnArtifact()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var document = Build.Document(Build.Paragraph($"Clinics {Cjk}, mood {Grinning}."));

        using var pdf = new Tagging.TaggedPdf(Rendered.WriteBytes(document));

        // The Latin text is one piece of the paragraph's content; the CJK and emoji, drawn after layout, are more.
        var paragraph = Assert.Single(pdf.Elements(), e => Tagging.TaggedPdf.Role(e) == "/P");
        Assert.True(Tagging.TaggedPdf.Kids(paragraph).Count() >= 2, "the fallback text is not in the paragraph");
        Assert.True(pdf.Marks(0).Balanced);
    }

    [Fact]
    public void EmojiFlagsAndZwjFamiliesAreDrawnAsPicturesAndCopyBackAsWritten()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var document = Build.Document(Build.Paragraph($"Mood {Grinning}, flag {Flag}, family {Family}, done."));

        var bytes = Rendered.WriteBytes(document);

        var text = InstalledFallbacks.PdfToText(bytes);
        Assert.Contains(Grinning, text, StringComparison.Ordinal);
        Assert.Contains(Flag, text, StringComparison.Ordinal);
        Assert.Contains(Family, text, StringComparison.Ordinal);
        using var pdf = Rendered.Write(document);

        // The flag and the family are one picture each (the font's ligatures), not their components.
        var page = Assert.Single(pdf.Pages);
        Assert.Equal(2, page.GetImages().Count());
    }

    [Fact]
    public void ACharacterBeyondTheBmpInTheBodyFontCopiesBackWhole()
    {
        // DejaVu Sans has U+1F600 itself; PDFsharp alone would map it back to U+1F60.
        InstalledFallbacks.SkipUnlessInstalled();
        var document = Build.Document(Build.Paragraph($"Smile {Grinning} please."));

        var text = InstalledFallbacks.PdfToText(Rendered.WriteBytes(document));

        Assert.Contains($"Smile {Grinning} please.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\u1F60", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ACharacterNoFontHasIsNamedInOneWarningWithItsSectionAndStillDrawn()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var warnings = new List<string>();
        var document = Build.Document(
            Build.Heading(1, "Access control"),
            Build.Paragraph("Badge symbol \uE000 and \uE000 again, and \U0010FFFD."),
            Build.Heading(1, "Audit controls"),
            Build.Paragraph("Another \uE000."));

        using var pdf = Rendered.Write(document, new RenderOptions { Warning = warnings.Add });

        var warning = Assert.Single(warnings);
        Assert.Equal("no installed font has U+E000 (in \"Access control\", \"Audit controls\"), U+10FFFD (in \"Access control\"); drawn as empty boxes", warning);
        Assert.Contains("Badge symbol", string.Join('\n', pdf.Pages.SelectMany(Rendered.BodyLines)), StringComparison.Ordinal);
    }

    [Fact]
    public void TextEveryBodyFaceHasMakesNoFallbackFontAndNoWarning()
    {
        var warnings = new List<string>();
        var document = Build.Document(Build.Heading(1, "Access control"), Build.Paragraph("Plain text, “quotes”, café, § 164.312 — and € 20."));

        using var pdf = Rendered.Write(document, new RenderOptions { Warning = warnings.Add });

        Assert.Empty(warnings);
        var fonts = pdf.Pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.DoesNotContain(fonts, f => f?.Contains("-EV", StringComparison.Ordinal) == true);
        Assert.Empty(pdf.Pages.SelectMany(p => p.GetImages()));
    }

    [Fact]
    public void TheSameDocumentWithFallbackTextGivesTheSameBytes()
    {
        InstalledFallbacks.SkipUnlessInstalled();
        var document = Build.Document(Build.Paragraph($"{Cjk} {Flag} {Family} \uE000"));

        Assert.Equal(Rendered.WriteBytes(document), Rendered.WriteBytes(document));
        Assert.Equal(Rendered.WriteBytes(document), new MemoryStreamWriter().Write(document));
    }

    /// <summary>A second writer instance, as a fresh process would have.</summary>
    private sealed class MemoryStreamWriter
    {
        public byte[] Write(Document document)
        {
            using var output = new MemoryStream();
            new PdfDocumentWriter().Write(document, output, new RenderOptions());
            return output.ToArray();
        }
    }
}

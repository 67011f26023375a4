using System.Globalization;
using System.Text.RegularExpressions;
using Evidence.Rendering;
using Evidence.Testing;
using UglyToad.PdfPig;

namespace Evidence.Cli.Tests.Sample;

/// <summary>
/// The SSP names the binder page where each control's evidence starts. A build that writes the binder's PDF takes
/// those pages from that write; one that does not (<c>--only ssp</c>) lays the binder out for them. Both must name
/// the same pages, and the pages must be the binder's. Word's contents print the PDF's pages too: a build that writes
/// no PDF measures the layout without drawing it, and must print the same numbers.
/// </summary>
public sealed partial class BinderPageReferenceTests(SampleBuild sample) : IClassFixture<SampleBuild>
{
    [Fact]
    public void TheSspNamesTheSamePagesWhetherTheBinderIsWrittenOrOnlyLaidOut()
    {
        using var alone = new TempDirectory();
        var result = CliRunner.Run("build", CliRunner.Sample, "--format", "pdf", "--only", "ssp", "--output", alone.Path, "--as-of", SampleBuild.AsOf);
        Assert.True(result.ExitCode == 0, result.Error);

        var written = Text(sample.PathOf(DocumentKind.Ssp, "pdf"));
        var laidOut = Text(alone.Combine(SampleBuild.FileName(DocumentKind.Ssp, "pdf")));

        Assert.NotEmpty(References().Matches(written));
        Assert.Equal(laidOut, written);
    }

    [Fact]
    public void AWordOnlyBuildWritesTheSameWordFilesAsOneThatWritesThePdfs()
    {
        using var alone = new TempDirectory();
        var result = CliRunner.Run("build", CliRunner.Sample, "--format", "docx", "--output", alone.Path, "--as-of", SampleBuild.AsOf);
        Assert.True(result.ExitCode == 0, result.Error);

        // The Word files' contents and the SSP's binder pages come from the measuring layout here, from the PDFs' own layout there.
        foreach (var kind in new[] { DocumentKind.Ssp, DocumentKind.Binder })
        {
            Assert.True(
                sample.Bytes(kind, "docx").AsSpan().SequenceEqual(File.ReadAllBytes(alone.Combine(SampleBuild.FileName(kind, "docx")))),
                $"the {kind} Word file differs when no PDF is written");
        }
    }

    [Fact]
    public void EachBinderPageTheSspNamesOpensTheControlItNames()
    {
        using var ssp = PdfDocument.Open(sample.Bytes(DocumentKind.Ssp, "pdf"));
        using var binder = PdfDocument.Open(sample.Bytes(DocumentKind.Binder, "pdf"));
        var checkedPages = 0;
        foreach (var page in ssp.GetPages())
        {
            var lines = PdfText.Lines(page);
            for (var i = 0; i < lines.Count; i++)
            {
                if (References().Match(lines[i]) is not { Success: true } reference)
                {
                    continue;
                }

                // The control table's row sits under the control's heading, whose citation is the nearest above.
                var citation = lines.Take(i).Reverse().Select(l => Citation().Match(l)).FirstOrDefault(m => m.Success)?.Value;
                if (citation is null)
                {
                    continue;
                }

                var number = int.Parse(reference.Groups[1].Value, CultureInfo.InvariantCulture);
                Assert.InRange(number, 1, binder.NumberOfPages);
                var target = string.Join('\n', PdfText.Lines(binder.GetPage(number)));
                Assert.Contains(citation, target, StringComparison.Ordinal);
                checkedPages++;
            }
        }

        Assert.True(checkedPages >= 10, $"only {checkedPages} binder references found under a control heading");
    }

    private static string Text(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join('\n', pdf.GetPages().SelectMany(PdfText.Lines));
    }

    [GeneratedRegex(@"Evidence binder, p\. (\d+)")]
    private static partial Regex References();

    [GeneratedRegex(@"^164\.\d{3}(\([a-z0-9]+\))+")]
    private static partial Regex Citation();
}

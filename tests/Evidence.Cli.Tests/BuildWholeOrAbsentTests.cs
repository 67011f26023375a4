using Evidence.Testing;

namespace Evidence.Cli.Tests;

/// <summary>
/// A build is whole or absent. The binder's PDF is laid out first, since its layout gives the pages the SSP names,
/// and the SSP is rendered again with them — before the binder is moved into place, so that what is gated is what is
/// written. A build that fails there never shows a binder without its SSP.
/// </summary>
public sealed class BuildWholeOrAbsentTests : IDisposable
{
    private const string Binder = "acme-care-platform-Binder-20261121T090000Z";

    private readonly TempDirectory _out = new();
    private readonly TempDirectory _templates = new();

    [Fact]
    public void AnSspThatFailsOnlyWithTheBindersPagesLeavesNoDocumentOfTheBuild()
    {
        // Given an SSP that renders without the binder's pages and fails with them: the first render passes, and the
        // second, once the binder's PDF is laid out, fails.
        var result = BuildWithSspShowingOnceBinderPagesAreKnown("{{ system.titel }}", "pdf,docx");

        Assert.Equal((int)ExitCode.TemplateInvalid, result.ExitCode);
        Assert.StartsWith($"{_templates.Path}/ssp.md.scriban:3:", result.Error, StringComparison.Ordinal);
        Assert.Contains("'titel' is not a field", result.Error, StringComparison.Ordinal);
        // The binder was laid out, never moved into place: no PDF or Word file, nor a temporary one.
        Assert.DoesNotContain($"Wrote {_out.Path}/{Binder}", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void AnSspThatShowsPersonalDataOnlyWithTheBindersPagesIsRefusedAndLeavesNoDocument()
    {
        // Given an SSP that writes an SSN only once the binder's pages are known: its first render is clean, the one
        // written is not. The gate scans what is written, so the build is refused (exit 41) and the binder goes too.
        var result = BuildWithSspShowingOnceBinderPagesAreKnown("Patient SSN 078-05-1120 is on file.", "pdf");

        Assert.Equal((int)ExitCode.SensitiveDataInOutput, result.ExitCode);
        Assert.Contains("acme-care-platform-SSP-20261121T090000Z, section \"Plan\": ssn (***-**-****)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote ", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
        result.AssertNoStackTrace();
    }

    [Fact]
    public void ARedactingBuildCountsWhatItReplacedInTheSspAsWritten()
    {
        // The same SSP redacted: its first render has nothing to replace, the one written has the SSN. The count is of
        // the documents as written.
        var result = BuildWithSspShowingOnceBinderPagesAreKnown("Patient SSN 078-05-1120 is on file.", "pdf", "--redact");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Redacted 1 value that looked like personal data or secrets (ssn)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", result.Out + result.Error, StringComparison.Ordinal);
        var ssp = Directory.GetFiles(_out.Path, "*-SSP-*.pdf").Single();
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(ssp))
        {
            var text = string.Concat(pdf.GetPages().Select(p => p.Text));
            Assert.Contains("[REDACTED: ssn]", text, StringComparison.Ordinal);
            Assert.DoesNotContain("078-05-1120", text, StringComparison.Ordinal);
        }

        result.AssertNoStackTrace();
    }

    public void Dispose()
    {
        _out.Dispose();
        _templates.Dispose();
    }

    /// <summary>Builds the sample with an SSP template that writes <paramref name="shown"/> only when <c>binder_pages</c> is filled.</summary>
    private CliResult BuildWithSspShowingOnceBinderPagesAreKnown(string shown, string format, params string[] more)
    {
        File.WriteAllText(_templates.Combine("ssp.md.scriban"), "# Plan\n\n{{ if (binder_pages | object.size) > 0 }}" + shown + "{{ end }}\n");
        return CliRunner.Run(
            ["build", CliRunner.Sample, "--as-of", "2026-11-21T09:00:00Z", "--format", format, "--output", _out.Path, "--template-dir", _templates.Path, .. more]);
    }
}

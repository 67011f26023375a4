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

    [Fact]
    public void AnSspThatFailsOnlyWithTheBindersPagesLeavesNoDocumentOfTheBuild()
    {
        // Given an SSP that renders without the binder's pages and fails with them: the render checked before
        // anything is written passes, and the one after the binder's PDF and Word files are written fails.
        using var templates = new TempDirectory();
        File.WriteAllText(templates.Combine("ssp.md.scriban"), "# Plan\n\n{{ if (binder_pages | object.size) > 0 }}{{ system.titel }}{{ end }}\n");

        var result = CliRunner.Run(
            "build", CliRunner.Sample, "--as-of", "2026-11-21T09:00:00Z", "--format", "pdf,docx", "--output", _out.Path, "--template-dir", templates.Path);

        Assert.Equal((int)ExitCode.TemplateInvalid, result.ExitCode);
        Assert.StartsWith($"{templates.Path}/ssp.md.scriban:3:", result.Error, StringComparison.Ordinal);
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
        using var templates = new TempDirectory();
        File.WriteAllText(templates.Combine("ssp.md.scriban"), "# Plan\n\n{{ if (binder_pages | object.size) > 0 }}Patient SSN 078-05-1120 is on file.{{ end }}\n");

        var result = CliRunner.Run(
            "build", CliRunner.Sample, "--as-of", "2026-11-21T09:00:00Z", "--format", "pdf", "--output", _out.Path, "--template-dir", templates.Path);

        Assert.Equal((int)ExitCode.SensitiveDataInOutput, result.ExitCode);
        Assert.Contains("acme-care-platform-SSP-20261121T090000Z, section \"Plan\": ssn (***-**-****)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("078-05-1120", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote ", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_out.Path));
        result.AssertNoStackTrace();
    }

    public void Dispose() => _out.Dispose();
}

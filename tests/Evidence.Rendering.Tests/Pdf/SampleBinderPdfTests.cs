using Evidence.Rendering.Verification;
using Evidence.Testing;

namespace Evidence.Rendering.Tests.Pdf;

/// <summary>The sample workspace's binder, written as PDF once and read back: its size, its attachments, its verification.</summary>
public sealed class SampleBinderPdfTests
{
    /// <summary>The sample binder's page count before issue 9 (286 pages as of 2026-11-21T09:00:00Z).</summary>
    private const int PagesBeforeIssue9 = 286;

    private static readonly Lazy<byte[]> Binder = new(() =>
        Rendered.WriteBytes(SampleBuild.Pipeline().Build(DocumentKind.Binder, SampleBuild.Model).Document));

    [Fact]
    public void TheSampleBinderTakesAtMostHalfItsFormerPages()
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(Binder.Value);

        Assert.InRange(pdf.NumberOfPages, 1, PagesBeforeIssue9 / 2);
    }

    [Fact]
    public void AttestationRecordsAreAttachedAndTheBinderVerifies()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "binder.pdf");
        File.WriteAllBytes(path, Binder.Value);

        var result = BinderVerifier.Verify(path, password: null);

        Assert.Empty(result.Problems);
        var attached = SampleBuild.Model.AttachedByHash.Select(e => e.File.Attachment).ToList();
        Assert.Contains(attached, a => a!.StartsWith("attestations/", StringComparison.Ordinal));
        Assert.Equal(attached.Count, result.Verified);
    }
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Core.Tests.Store;

/// <summary>
/// How an item was obtained travels through the manifest: written only when not detail (old runs read
/// unchanged), read alike by the strict and the fast reader, and a raw page shared by many items verified once.
/// </summary>
public sealed class EvidenceMethodTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ASummaryItemReadsBackTheSameThroughBothReaders()
    {
        using var workspace = new WorkspaceBuilder();
        var directory = new RunBuilder(workspace.Root, Start)
            .Summarized("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED")
            .Summarized("aws-config/RDS_SNAPSHOT_ENCRYPTED", ["db-snapshot-1"])
            .Collected("aws-config/CLOUD_TRAIL_ENABLED").Write();
        var diagnostics = new DiagnosticBag();

        var strict = EvidenceStoreReader.ReadRun(workspace.Root, directory, "ws", diagnostics)!;
        var fast = FastManifestReader.TryRead(Path.Combine(directory, "manifest.json"), directory, strict.ManifestPath, [])!;

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal(
            [(EvidenceMethod.Summary, (int?)null, 0, false), (EvidenceMethod.Summary, null, 1, true), (EvidenceMethod.Detail, 1, 0, true)],
            strict.Items.Select(i => (i.Method, i.Counts.Compliant, i.Counts.NonCompliant, i.Results is not null)));
        Assert.Equal(strict.Items.Select(i => i with { Raw = [] }), fast.Items.Select(i => i with { Raw = [] }));
    }

    [Fact]
    public void ADetailItemWritesNoMethodAndEveryCount()
    {
        using var workspace = new WorkspaceBuilder();
        var directory = new RunBuilder(workspace.Root, Start).Collected("aws-config/CLOUD_TRAIL_ENABLED").Summarized("aws-config/RDS_SNAPSHOT_ENCRYPTED").Write();

        var manifest = File.ReadAllText(Path.Combine(directory, "manifest.json"));

        Assert.Equal(1, manifest.Split("\"method\"").Length - 1);
        Assert.Contains("\"method\": \"summary\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"counts\": {\n        \"non_compliant\": 0\n      }", manifest.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyASummaryMayLeaveOutTheCompliantCount()
    {
        using var workspace = new WorkspaceBuilder();
        var directory = new RunBuilder(workspace.Root, Start).Summarized("aws-config/RDS_SNAPSHOT_ENCRYPTED").Write();
        var manifest = Path.Combine(directory, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"method\": \"summary\"", "\"method\": \"bulk-query\"", StringComparison.Ordinal));

        Assert.Null(FastManifestReader.TryRead(manifest, directory, "manifest.json", []));
        Assert.Contains(workspace.Load().Diagnostics, d => d.Message.Contains("only a summary item", StringComparison.Ordinal) && d.Location.Line > 0);
    }

    [Fact]
    public void ARawPageSharedByManyItemsIsVerifiedOnceAndAChangeToItIsReported()
    {
        using var workspace = new WorkspaceBuilder();
        var directory = new RunBuilder(workspace.Root, Start)
            .Summarized("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED").Summarized("aws-config/RDS_SNAPSHOT_ENCRYPTED").Write();
        var run = EvidenceStoreReader.ReadRun(workspace.Root, directory, "ws", new DiagnosticBag())!;

        Assert.Equal(["raw/summary-1.json", "raw/summary-1.json"], run.Items.SelectMany(i => i.Raw).Select(f => f.Path));
        Assert.Empty(EvidenceVerifier.Verify(run));
        Assert.Empty(RunContents.Unlisted(run));
        Assert.Equal(1, EvidenceVerifier.FileCount(run));

        File.AppendAllText(Path.Combine(directory, "raw", "summary-1.json"), " ");

        Assert.Contains("does not match its recorded SHA-256", Assert.Single(EvidenceVerifier.Verify(run)).Message, StringComparison.Ordinal);
    }
}

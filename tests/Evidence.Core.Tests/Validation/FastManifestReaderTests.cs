using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// Loads read manifests as collection writes them straight from JSON; the result must be exactly what the
/// strict reader makes of the same file, down to every line and column, and anything else must go to the
/// strict reader.
/// </summary>
public sealed class FastManifestReaderTests
{
    public static TheoryData<string> SampleRuns() =>
        new(Directory.GetDirectories(Path.Combine(RepositoryPaths.AcmeHealth, "evidence", "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SampleRuns))]
    public void EachSampleRunReadsAsTheStrictReaderReadsIt(string runId)
    {
        var root = RepositoryPaths.AcmeHealth;
        var directory = Path.Combine(root, "evidence", "runs", runId);
        var diagnostics = new DiagnosticBag();
        var strict = EvidenceStoreReader.ReadRun(root, directory, "ws", diagnostics)!;

        var fast = FastManifestReader.TryRead(Path.Combine(directory, "manifest.json"), directory, strict.ManifestPath, []);

        Assert.Empty(diagnostics.Sorted());
        Assert.NotNull(fast);
        Assert.Equal(strict with { Items = [] }, fast with { Items = [] });
        Assert.Equal(strict.Items.Count, fast.Items.Count);
        foreach (var (expected, actual) in strict.Items.Zip(fast.Items))
        {
            Assert.Equal(expected with { Raw = [] }, actual with { Raw = [] });
            Assert.Equal(expected.Raw, actual.Raw);
        }
    }

    [Theory]
    [InlineData("\"tool\":", "\"tools\":")]
    [InlineData("\"status\": \"collected\"", "\"status\": \"colected\"")]
    [InlineData("\"non_compliant\": 1", "\"non_compliant\": -1")]
    [InlineData("\"collected_at\": \"2026-11-20T06:01:00Z\"", "\"collected_at\": \"2026-11-31T06:01:00Z\"")]
    public void AnythingCollectionWouldNotWriteGoesToTheStrictReader(string text, string replacement)
    {
        using var workspace = new WorkspaceBuilder();
        var directory = new RunBuilder(workspace.Root, new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero))
            .Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", nonCompliant: 1).Write();
        var manifest = Path.Combine(directory, "manifest.json");
        Assert.NotNull(FastManifestReader.TryRead(manifest, directory, "manifest.json", []));
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(text, replacement, StringComparison.Ordinal));

        Assert.Null(FastManifestReader.TryRead(manifest, directory, "manifest.json", []));
        Assert.Contains(workspace.Load().Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.File.EndsWith("manifest.json", StringComparison.Ordinal) && d.Location.Line > 0);
    }

    [Fact]
    public void RawPagesAreReadOnFirstUse()
    {
        using var workspace = new WorkspaceBuilder();
        var directory = new RunBuilder(workspace.Root, new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero))
            .Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED").Failed("aws-config/CLOUD_TRAIL_ENABLED").Write();

        var run = FastManifestReader.TryRead(Path.Combine(directory, "manifest.json"), directory, "manifest.json", [])!;

        Assert.Equal(["raw/item-0001-1.json", "raw/item-0002-1.json"], run.Items.SelectMany(i => i.Raw).Select(f => f.Path));
        Assert.All(run.Items.SelectMany(i => i.Raw), f => Assert.True(f.Location.Line > 0));
    }
}

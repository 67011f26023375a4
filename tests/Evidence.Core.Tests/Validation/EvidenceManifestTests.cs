using Evidence.Core.Diagnostics;
using Evidence.Testing;

namespace Evidence.Core.Tests.Validation;

/// <summary>
/// Evidence runs are read as strictly as the YAML, and every file a manifest lists must still be the file
/// that was collected. Problems here are in the Evidence category.
/// </summary>
public sealed class EvidenceManifestTests
{
    private const string RunId = "20261120T060000Z";
    private const string Manifest = $"evidence/runs/{RunId}/manifest.json";
    private static readonly DateTimeOffset StartedAt = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ATruncatedManifestIsCalledMalformedJsonAtTheEnd()
    {
        using var workspace = new WorkspaceBuilder().Write(Manifest, """
            {
              "format": "evidence-run/1",
              "run_id": "20261120T060000Z",
              "items": [
            """);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("indentation", error.Message, StringComparison.Ordinal);
        Assert.Equal(workspace.Shown(Manifest), error.Location.File);
        Assert.True(error.Location.Line >= 4, $"the error should be at the end of the text, not at {error.Location}");
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void AnUnknownKeyInAManifestNamesTheNearestKey()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED"));
        workspace.Replace(Manifest, "\"tool\":", "\"tools\":");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("unknown key 'tools' in a run manifest (did you mean 'tool'?)", error.Message);
        Assert.Equal(workspace.Locate(Manifest, "\"tools\""), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void AManifestMissingARequiredFieldIsAnEvidenceError()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED"));
        workspace.Replace(Manifest, "\"started_at\": \"2026-11-20T06:00:00Z\",\n", string.Empty);

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("a run manifest is missing the required key 'started_at'", error.Message);
        Assert.Equal(new SourceLocation(workspace.Shown(Manifest), 1, 1), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void AFailedItemWithoutAnErrorIsAnEvidenceError()
    {
        using var workspace = WithRun(run => run.Failed("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", error: null));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("a failed evidence item needs an 'error' with its code and message", error.Message);
        Assert.Equal(workspace.Locate(Manifest, "{\n      \"id\": \"item-0001\""), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void ARawFileMissingFromTheRunIsAnEvidenceError()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED"));
        File.Delete(workspace.PathOf($"evidence/runs/{RunId}/raw/item-0001-1.json"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("raw/item-0001-1.json is listed in the manifest but missing from the run folder", error.Message);
        Assert.Equal(workspace.Locate(Manifest, "\"raw/item-0001-1.json\""), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void ARawFileChangedAfterCollectionFailsItsHashCheck()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED"));
        workspace.Replace($"evidence/runs/{RunId}/raw/item-0001-1.json", "\"page\":1", "\"page\":2");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("raw/item-0001-1.json does not match its recorded SHA-256", error.Message);
        Assert.Contains("collect a new run rather than editing one", error.Message);
        Assert.Equal(workspace.Locate(Manifest, "\"raw/item-0001-1.json\""), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void AResultsFileChangedAfterCollectionFailsItsHashCheck()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", nonCompliant: 1));
        workspace.Replace($"evidence/runs/{RunId}/results/item-0001.jsonl", "NON_COMPLIANT", "COMPLIANT");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("results/item-0001.jsonl does not match its recorded SHA-256", error.Message);
        Assert.Equal(workspace.Locate(Manifest, "\"results/item-0001.jsonl\""), error.Location);
    }

    [Fact]
    public void HashesAreNotCheckedWhenTheCallerOptsOut()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED"));
        workspace.Replace($"evidence/runs/{RunId}/raw/item-0001-1.json", "\"page\":1", "\"page\":2");

        var loaded = Loading.WorkspaceLoader.Load(workspace.Root, verifyHashes: false);

        Assert.Empty(loaded.Diagnostics);
    }

    [Fact]
    public void ARunIdThatDoesNotMatchItsFolderIsAnEvidenceError()
    {
        using var workspace = WithRun(run => run.Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED"));
        workspace.Replace(Manifest, $"\"run_id\": \"{RunId}\"", "\"run_id\": \"20261121T060000Z\"");

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains($"run_id '20261121T060000Z' does not match the run folder '{RunId}'", error.Message);
        Assert.Equal(workspace.Locate(Manifest, "\"20261121T060000Z\""), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void ARunFolderWithoutAManifestIsAnEvidenceErrorAtTheFolder()
    {
        using var workspace = new WorkspaceBuilder();
        Directory.CreateDirectory(workspace.PathOf($"evidence/runs/{RunId}/raw"));

        var error = Assert.Single(workspace.Load().Diagnostics);

        Assert.Contains("run folder has no manifest.json", error.Message);
        Assert.Equal(SourceLocation.OfFile(workspace.Shown($"evidence/runs/{RunId}")), error.Location);
        Assert.Equal(DiagnosticCategory.Evidence, error.Category);
    }

    [Fact]
    public void ARunWrittenByTheRunWriterLoadsWithoutDiagnostics()
    {
        using var workspace = WithRun(run => run
            .Collected("aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED", compliant: 2, nonCompliant: 1)
            .Failed("aws-config/RDS_SNAPSHOT_ENCRYPTED"));

        var loaded = workspace.Load();

        Assert.Empty(loaded.Diagnostics);
        var run = Assert.Single(loaded.Runs);
        Assert.Equal(RunId, run.RunId);
        Assert.Equal(2, run.Items.Count);
    }

    private static WorkspaceBuilder WithRun(Func<RunBuilder, RunBuilder> items)
    {
        var workspace = new WorkspaceBuilder();
        items(new RunBuilder(workspace.Root, StartedAt)).Write();
        return workspace;
    }
}

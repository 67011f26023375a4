using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Testing;
using static Evidence.Core.Tests.Evaluation.Scenario;

namespace Evidence.Core.Tests.Findings;

/// <summary>
/// The folded findings history in .evidence/history.json: `status` and `check` judge the same as a full read
/// of every run, read only the runs collected since it and those evaluation judges, and fall back to reading
/// everything whenever the runs no longer match it.
/// </summary>
public sealed class HistoryCacheTests
{
    private const string PublicRead = "aws-config/S3_BUCKET_PUBLIC_READ_PROHIBITED";
    private static readonly DateTimeOffset AsOf = Utc("2026-12-01T00:00:00Z");

    private static WorkspaceBuilder History() => new WorkspaceBuilder().WithoutAttestations()
        .Run("2026-09-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports", "old-logs"]))
        .Run("2026-10-01T06:00:00Z", run => run.Collected(PublicRead, ["old-logs"]))
        .Run("2026-11-01T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"]));

    private static string CacheFile(WorkspaceBuilder workspace) => workspace.PathOf(".evidence/history.json");

    /// <summary>What a register says, finding by finding, as comparable text.</summary>
    private static List<string> Judged(LoadedWorkspace loaded, DateTimeOffset asOf) =>
        FindingsRegister.Build(loaded, asOf)
            .Select(f => $"{f.Key} {f.State} {f.FirstSeen:O} {f.LastSeen:O} {f.ResolvedAt:O} {f.ReopenedAt:O} {f.LastItem.RunId}/{f.LastItem.Id} {f.Due:O} {string.Join(' ', f.Failing)}")
            .ToList();

    private static List<string> Statuses(LoadedWorkspace loaded, DateTimeOffset asOf) =>
        Evaluator.Evaluate(loaded, asOf).Controls.Select(c => $"{c.Id} {c.Status}").ToList();

    private static void AssertSameAsFullRead(WorkspaceBuilder workspace, LoadedWorkspace cached, DateTimeOffset asOf)
    {
        var full = WorkspaceLoader.Load(workspace.Root);
        Assert.Empty(cached.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(Judged(full, asOf), Judged(cached, asOf));
        Assert.Equal(Statuses(full, asOf), Statuses(cached, asOf));
    }

    [Fact]
    public void TheFirstLoadFoldsTheHistoryAndTheNextReadsOnlyTheRunsEvaluationJudges()
    {
        using var workspace = History();

        var first = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        Assert.Null(first.History);
        Assert.Equal(3, first.Runs.Count);
        Assert.True(File.Exists(CacheFile(workspace)));
        Assert.Contains("*", File.ReadAllText(workspace.PathOf(".evidence/.gitignore")), StringComparison.Ordinal);

        var second = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        Assert.NotNull(second.History);
        Assert.Equal(["20261101T060000Z"], second.Runs.Select(r => Path.GetFileName(r.Directory)));
        AssertSameAsFullRead(workspace, second, AsOf);
        Assert.Contains(FindingsRegister.Build(second, AsOf), f => f.ResourceId == "legacy-exports" && f.ReopenedAt is not null);
    }

    [Fact]
    public void ARunCollectedAfterTheFoldGoesOnFromIt()
    {
        using var workspace = History();
        WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        workspace.Run("2026-11-20T06:00:00Z", run => run.Collected(PublicRead, []));

        var cached = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);

        Assert.NotNull(cached.History);
        Assert.Equal(2, cached.Runs.Count);
        AssertSameAsFullRead(workspace, cached, AsOf);
        Assert.All(Judged(cached, AsOf), j => Assert.Contains(" Resolved ", j, StringComparison.Ordinal));
        // ...and the fold now covers it too.
        Assert.Single(WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf).Runs);
    }

    [Fact]
    public void AnEarlierInstantReadsEveryRun()
    {
        using var workspace = History();
        WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        var asOf = Utc("2026-10-15T00:00:00Z");

        var loaded = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, asOf);

        Assert.Null(loaded.History);
        AssertSameAsFullRead(workspace, loaded, asOf);
    }

    [Fact]
    public void AChangedOrRemovedRunOrADamagedFileMeansAFullRead()
    {
        using var workspace = History();
        WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);

        File.AppendAllText(workspace.PathOf("evidence/runs/20261001T060000Z/manifest.json"), " ");
        Assert.Null(WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf).History);
        Assert.NotNull(WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf).History);

        Directory.Delete(workspace.PathOf("evidence/runs/20260901T060000Z"), recursive: true);
        var afterRemoval = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        Assert.Null(afterRemoval.History);
        AssertSameAsFullRead(workspace, afterRemoval, AsOf);

        File.WriteAllText(CacheFile(workspace), """{"version": 1, "through": 5}""");
        Assert.Null(WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf).History);
        Assert.NotNull(WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf).History);
    }

    [Fact]
    public void AnOlderRunAddedAfterTheFoldMeansAFullRead()
    {
        using var workspace = History();
        WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        workspace.Run("2026-09-15T06:00:00Z", run => run.Collected(PublicRead, ["legacy-exports"]));

        var loaded = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);

        Assert.Null(loaded.History);
        Assert.Equal(4, loaded.Runs.Count);
        AssertSameAsFullRead(workspace, loaded, AsOf);
    }

    [Fact]
    public void AFreshCheckoutsWriteTimesAreMatchedByContentAndRecorded()
    {
        using var workspace = History();
        WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        foreach (var manifest in Directory.EnumerateFiles(workspace.PathOf("evidence/runs"), "manifest.json", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(manifest, new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        var before = File.ReadAllText(CacheFile(workspace));
        var loaded = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);

        Assert.NotNull(loaded.History);
        AssertSameAsFullRead(workspace, loaded, AsOf);
        Assert.NotEqual(before, File.ReadAllText(CacheFile(workspace)));
    }

    [Fact]
    public void ARegisterOfAnInstantBeforeTheFoldIsRefused()
    {
        using var workspace = History();
        WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);
        var cached = WorkspaceLoader.Load(workspace.Root, verifyHashes: true, AsOf);

        Assert.Throws<InvalidOperationException>(() => FindingsRegister.Build(cached, Utc("2026-10-01T00:00:00Z")));
    }
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Core.Tests.Store;

/// <summary>Run ids: one folder per collect, even when several start in the same second, read back in the order they started.</summary>
public sealed class RunIdTests
{
    private static readonly DateTimeOffset Second = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CollectsInTheSameSecondGetTheirOwnRunsInOrder()
    {
        using var root = new TempDirectory();

        var ids = Enumerable.Range(0, 11).Select(_ => Start(root, Second).RunId).ToList();

        Assert.Equal(["20261120T060000Z", "20261120T060000Z-2", "20261120T060000Z-3"], ids.Take(3));
        Assert.Equal("20261120T060000Z-11", ids[^1]);
        var read = EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag());
        Assert.Equal(ids, read.Select(r => r.RunId));
        Assert.Empty(Directory.EnumerateDirectories(root.Combine("evidence"), ".run-*"));
    }

    [Fact]
    public void ALaterSecondStillComesAfterEverySuffixedRunOfAnEarlierOne()
    {
        using var root = new TempDirectory();
        Start(root, Second);
        Start(root, Second);
        var later = Start(root, Second.AddSeconds(1));

        var read = EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag());

        Assert.Equal(["20261120T060000Z", "20261120T060000Z-2", later.RunId], read.Select(r => r.RunId));
        Assert.Equal("20261120T060001Z", later.RunId);
    }

    [Fact]
    public async Task CollectsRacingForTheSameSecondNeverShareAFolder()
    {
        using var root = new TempDirectory();

        var writers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Start(root, Second), TestContext.Current.CancellationToken)));

        Assert.Equal(8, writers.Select(w => w.Directory).Distinct(StringComparer.Ordinal).Count());
        Assert.All(writers, w => Assert.Equal(w.RunId, Path.GetFileName(w.Directory)));
        Assert.Equal(8, EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag()).Count);
    }

    private static EvidenceRunWriter Start(TempDirectory root, DateTimeOffset startedAt)
    {
        var writer = EvidenceRunWriter.Start(root.Path, startedAt, "test-system", "evidence-tests");
        writer.Complete(startedAt);
        return writer;
    }
}

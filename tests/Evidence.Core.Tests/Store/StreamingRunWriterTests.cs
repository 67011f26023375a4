using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Core.Tests.Store;

/// <summary>
/// The run writer streams: items go to the run's journal as they complete and the manifest is written once,
/// sorted, when the run stops; a crash leaves every added item readable as an incomplete run.
/// </summary>
public sealed class StreamingRunWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(2048)]
    public void ItemsAddedInAnyOrderAreWrittenInIdOrderWithTheBytesOfTheWholeManifest(int chunkBytes)
    {
        using var root = new TempDirectory();
        var saved = JournalSorter.ChunkBytes;
        JournalSorter.ChunkBytes = chunkBytes;
        try
        {
            var writer = EvidenceRunWriter.Start(root.Path, Start, "test-system", "evidence-tests");
            var items = Items(writer, 120).ToList();
            foreach (var item in items.OrderBy(_ => Random.Shared.Next()))
            {
                writer.Add(item);
            }

            writer.Complete(Start.AddMinutes(1));

            var expected = new MemoryStream();
            ManifestWriter.Write(expected, Header(writer, RunState.Complete, Start.AddMinutes(1)) with { Items = items });
            Assert.Equal(expected.ToArray(), File.ReadAllBytes(Path.Combine(writer.Directory, "manifest.json")));
            var run = EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag(), strict: true).Single();
            Assert.Equal(items.Select(i => i.Id).Order(StringComparer.Ordinal), run.Items.Select(i => i.Id));
            Assert.Equal(["manifest.json"], Directory.EnumerateFiles(writer.Directory).Select(Path.GetFileName));
            Assert.Empty(Directory.EnumerateFiles(root.Combine("evidence/runs")));
            Assert.Empty(EvidenceVerifier.Verify(run));
        }
        finally
        {
            JournalSorter.ChunkBytes = saved;
        }
    }

    [Fact]
    public void TheSameItemsInAnotherOrderGiveTheSameManifest()
    {
        using var root = new TempDirectory();
        byte[] Collect(int seed)
        {
            var writer = EvidenceRunWriter.Start(root.Path, Start, "test-system", "evidence-tests");
            var random = new Random(seed);
            foreach (var item in Items(writer, 60).ToList().OrderBy(_ => random.Next()))
            {
                writer.Add(item);
            }

            writer.Complete(Start.AddMinutes(1));
            return File.ReadAllBytes(Path.Combine(writer.Directory, "manifest.json"));
        }

        var first = Collect(1);
        var second = Collect(2);

        // The second run is <stamp>-2: only its run_id differs.
        Assert.Equal(System.Text.Encoding.UTF8.GetString(first), System.Text.Encoding.UTF8.GetString(second).Replace("20261120T060000Z-2", "20261120T060000Z", StringComparison.Ordinal));
    }

    [Fact]
    public void ACrashLeavesEveryAddedItemReadableAsAnIncompleteRun()
    {
        using var root = new TempDirectory();
        var writer = EvidenceRunWriter.Start(root.Path, Start, "test-system", "evidence-tests");
        foreach (var item in Items(writer, 5).Reverse())
        {
            writer.Add(item);
        }

        Assert.Equal(["aws-0001", "aws-0002", "aws-0003", "aws-0004", "aws-0005"], writer.RecordedIds().Order(StringComparer.Ordinal));
        writer.Abandon();
        // The write the crash cut short: half a line, no newline.
        File.AppendAllText(Path.Combine(writer.Directory, RunJournal.FileName), "{\"id\":\"aws-0099\",\"query\":");

        var diagnostics = new DiagnosticBag();
        var run = EvidenceStoreReader.ReadRuns(root.Path, root.Path, diagnostics, strict: false).Single();

        Assert.Empty(diagnostics.Sorted());
        Assert.Equal((RunState.Incomplete, (DateTimeOffset?)null), (run.State, run.CompletedAt));
        Assert.Equal(["aws-0001", "aws-0002", "aws-0003", "aws-0004", "aws-0005"], run.Items.Select(i => i.Id));
        Assert.False(File.Exists(Path.Combine(writer.Directory, RunJournal.FileName)));
        Assert.Empty(EvidenceVerifier.Verify(run));
        Assert.Empty(RunContents.Unlisted(run));
        Assert.Equal(run.Items.Select(i => i.Id), EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag(), strict: true).Single().Items.Select(i => i.Id));
    }

    [Fact]
    public void ARunStillBeingCollectedIsReadIncompleteAndLeftToItsWriter()
    {
        using var root = new TempDirectory();
        var writer = EvidenceRunWriter.Start(root.Path, Start, "test-system", "evidence-tests");
        var items = Items(writer, 3).ToList();
        writer.Add(items[0]);

        var during = EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag()).Single();
        Assert.Empty(RunContents.Unlisted(during));
        writer.Add(items[1]);
        writer.Add(items[2]);
        writer.Checkpoint();
        var after = EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag()).Single();

        Assert.Equal((RunState.Incomplete, 0), (during.State, during.Items.Count));
        Assert.Equal((RunState.Incomplete, 3), (after.State, after.Items.Count));
        Assert.Throws<InvalidOperationException>(() => writer.Add(items[0]));
    }

    [Fact]
    public void AJournalLeftBesideAWrittenManifestIsRemovedAndTheRunKept()
    {
        using var root = new TempDirectory();
        var writer = EvidenceRunWriter.Start(root.Path, Start, "test-system", "evidence-tests");
        writer.Add(Items(writer, 1).Single());
        writer.Complete(Start.AddMinutes(1));
        var manifest = File.ReadAllBytes(Path.Combine(writer.Directory, "manifest.json"));
        // The collection died after writing the manifest, before removing the journal.
        File.WriteAllText(Path.Combine(writer.Directory, RunJournal.FileName), "{\"id\":\"aws-0001\"}\n");

        var run = EvidenceStoreReader.ReadRuns(root.Path, root.Path, new DiagnosticBag()).Single();

        Assert.Equal((RunState.Complete, 1), (run.State, run.Items.Count));
        Assert.Equal(manifest, File.ReadAllBytes(Path.Combine(writer.Directory, "manifest.json")));
        Assert.False(File.Exists(Path.Combine(writer.Directory, RunJournal.FileName)));
    }

    [Fact]
    public void TheTallyKeepsTheFirstFailuresByIdAndTheLatestTime()
    {
        using var root = new TempDirectory();
        var writer = EvidenceRunWriter.Start(root.Path, Start, "test-system", "evidence-tests");
        foreach (var item in Items(writer, 90).OrderByDescending(i => i.Id, StringComparer.Ordinal))
        {
            writer.Add(item);
        }

        var tally = writer.Tally;

        Assert.Equal((90, 60, 30), (tally.Items, tally.Collected, tally.Failed));
        Assert.Equal(Start.AddSeconds(89), tally.LatestCollectedAt);
        Assert.Equal(Enumerable.Range(0, RunTally.ListedFailures).Select(i => $"aws-{(i * 3) + 3:D4}"), tally.FirstFailures.Select(i => i.Id));
        writer.Complete(Start.AddMinutes(2));
    }

    private static EvidenceRun Header(EvidenceRunWriter writer, RunState state, DateTimeOffset? completed) => new()
    {
        RunId = writer.RunId, Directory = writer.Directory, ManifestPath = Path.Combine(writer.Directory, "manifest.json"), StartedAt = Start,
        CompletedAt = completed, State = state, Tool = "evidence-tests", SystemId = "test-system", Location = SourceLocation.OfFile("manifest.json"),
    };

    /// <summary>Every third item failed (with a message that needs escaping), the others collected with a results file.</summary>
    private static IEnumerable<EvidenceItem> Items(EvidenceRunWriter writer, int count)
    {
        for (var n = 1; n <= count; n++)
        {
            var id = $"aws-{n:D4}";
            var raw = writer.WriteRaw(id, 1, System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{n}}}"));
            var item = new EvidenceItem
            {
                Id = id, RunId = writer.RunId, QueryKey = $"aws-config/RULE_{n % 7}", Source = AwsCloud.Source("111122223333", "us-east-1"),
                Status = n % 3 == 0 ? ItemStatus.Failed : ItemStatus.Collected, CollectedAt = Start.AddSeconds(n - 1), Raw = [raw],
                Error = n % 3 == 0 ? new ItemError("AccessDenied", "not <allowed> \"here\" — é & ✓") : null,
                Location = SourceLocation.OfFile("manifest.json"),
            };
            if (item.Status == ItemStatus.Collected)
            {
                var (file, rows, counts) = writer.WriteResults(id, [new ResultRow("AWS::S3::Bucket", $"bucket-{n}", "COMPLIANT", "111122223333", "us-east-1", EvaluatedAt: Start)]);
                item = item with { Results = file, Rows = rows, Counts = counts, EvaluatedAt = Start };
            }

            yield return item;
        }
    }
}

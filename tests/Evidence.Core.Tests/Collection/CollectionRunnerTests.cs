using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Core.Tests.Collection;

public sealed class CollectionRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OneFailingQueryIsRecordedAsNotCollectedAndTheOthersAreCollected()
    {
        using var folder = new TempDirectory();
        var writer = EvidenceRunWriter.Start(folder.Path, Start, "test-system", "evidence test");
        var collector = new ScriptedCollector(fail: "aws-0002");
        var runner = new CollectionRunner([collector], new FakeTimeProvider(Start), maxConcurrency: 2);

        var result = await runner.RunAsync(Tasks(3), writer, new NullProgress(), TestContext.Current.CancellationToken);

        Assert.True(result.Complete);
        Assert.Equal(2, result.Collected);
        Assert.Equal(1, result.Failed);
        var run = ReadRun(folder.Path);
        Assert.Equal(RunState.Complete, run.State);
        Assert.Equal(ItemStatus.Failed, run.Items.Single(i => i.Id == "aws-0002").Status);
    }

    [Fact]
    public async Task ACollectorBugBecomesAFailedItemNotACrash()
    {
        using var folder = new TempDirectory();
        var writer = EvidenceRunWriter.Start(folder.Path, Start, "test-system", "evidence test");
        var runner = new CollectionRunner([new ScriptedCollector(crash: "aws-0001")], new FakeTimeProvider(Start));

        var result = await runner.RunAsync(Tasks(2), writer, new NullProgress(), TestContext.Current.CancellationToken);

        var failed = ReadRun(folder.Path).Items.Single(i => i.Id == "aws-0001");
        Assert.True(result.Complete);
        Assert.Equal("CollectorError", failed.Error!.Code);
    }

    [Fact]
    public async Task ExpiredCredentialsStopTheRunAndLeaveItIncompleteWithWhatItGot()
    {
        using var folder = new TempDirectory();
        var writer = EvidenceRunWriter.Start(folder.Path, Start, "test-system", "evidence test");
        var runner = new CollectionRunner([new ScriptedCollector(abort: "aws-0003")], new FakeTimeProvider(Start), maxConcurrency: 1);

        var result = await runner.RunAsync(Tasks(5), writer, new NullProgress(), TestContext.Current.CancellationToken);

        var run = ReadRun(folder.Path);
        Assert.False(result.Complete);
        Assert.Contains("rejected the credentials", result.AbortReason, StringComparison.Ordinal);
        Assert.Equal(RunState.Incomplete, run.State);
        Assert.Equal(["aws-0001", "aws-0002"], run.Items.Select(i => i.Id));
        Assert.Contains("aws-0005", result.NotReached);
    }

    [Fact]
    public async Task AnInterruptedRunIsLeftIncomplete()
    {
        using var folder = new TempDirectory();
        using var interrupt = new CancellationTokenSource();
        var writer = EvidenceRunWriter.Start(folder.Path, Start, "test-system", "evidence test");
        var runner = new CollectionRunner([new ScriptedCollector(onCollect: id => { if (id == "aws-0002") { interrupt.Cancel(); } })], new FakeTimeProvider(Start), maxConcurrency: 1);

        var result = await runner.RunAsync(Tasks(4), writer, new NullProgress(), interrupt.Token);

        Assert.False(result.Complete);
        Assert.Equal(RunState.Incomplete, ReadRun(folder.Path).State);
    }

    private static List<CollectionTask> Tasks(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new CollectionTask($"aws-{i:D4}", new AwsConfigRuleQuery($"RULE_{i}") { Location = SourceLocation.OfFile("x") }, AwsCloud.Source("111122223333", "us-east-1")))
            .ToList();

    private static EvidenceRun ReadRun(string root) =>
        EvidenceStoreReader.ReadRuns(root, root, new DiagnosticBag()).Single();

    private sealed class ScriptedCollector(string? fail = null, string? crash = null, string? abort = null, Action<string>? onCollect = null) : IEvidenceCollector
    {
        public string Service => "aws";

        public bool CanCollect(EvidenceQuery query) => true;

        public IEnumerable<string> Describe(CollectionTask task) => [task.ItemId];

        public Task<EvidenceItem> CollectAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
        {
            onCollect?.Invoke(task.ItemId);
            cancellationToken.ThrowIfCancellationRequested();
            if (task.ItemId == crash)
            {
                throw new InvalidOperationException("bug");
            }

            if (task.ItemId == abort)
            {
                throw CollectionAbortedException.Credentials("AWS Config", "ExpiredTokenException");
            }

            var raw = writer.WriteRaw(task.ItemId, 1, "{}"u8);
            var item = new EvidenceItem
            {
                Id = task.ItemId, RunId = writer.RunId, QueryKey = task.Query.Key, Source = task.Source, CollectedAt = Start,
                Status = task.ItemId == fail ? ItemStatus.Failed : ItemStatus.Collected, Raw = [raw],
                Error = task.ItemId == fail ? new ItemError("NoSuchConfigRuleException", "not deployed") : null,
                Location = SourceLocation.OfFile("manifest.json"),
            };
            if (item.Status == ItemStatus.Collected)
            {
                var (file, rows, counts) = writer.WriteResults(task.ItemId, []);
                item = item with { Results = file, Rows = rows, Counts = counts };
            }

            return Task.FromResult(item);
        }
    }

    private sealed class NullProgress : ICollectionProgress
    {
        public void Call(string service) { }

        public void Page(string service, int rows) { }

        public void Throttled(string service) { }

        public void Retried(string service) { }

        public void TaskDone(string service, bool failed) { }
    }
}

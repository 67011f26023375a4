using System.Runtime.CompilerServices;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Core.Tests.Collection;

/// <summary>A collector that answers in bulk gets its cloud's tasks as one stream, with the detail its own estimate chose.</summary>
public sealed class BulkRunnerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DetailLevel.Auto, 3, DetailLevel.All)]
    [InlineData(DetailLevel.Auto, 30, DetailLevel.NonCompliant)]
    [InlineData(DetailLevel.All, 30, DetailLevel.All)]
    public async Task TheBulkCollectorAnswersEveryTaskAtTheDetailItsEstimateResolved(DetailLevel asked, int count, DetailLevel expected)
    {
        using var folder = new TempDirectory();
        var writer = EvidenceRunWriter.Start(folder.Path, Start, "test-system", "evidence test");
        var collector = new BulkCollector();
        var runner = new CollectionRunner([collector], new FakeTimeProvider(Start)) { Detail = asked };

        var result = await runner.RunAsync(Tasks(count), writer, new NullProgress(), TestContext.Current.CancellationToken);

        Assert.True(result.Complete);
        Assert.Equal(count, result.Collected);
        Assert.Equal(expected, collector.CollectedAt);
        var estimate = Assert.Single(result.Estimates);
        Assert.Equal((expected, (long)count), (estimate.Detail, estimate.Tasks));
        var run = EvidenceStoreReader.ReadRuns(folder.Path, folder.Path, new DiagnosticBag()).Single();
        Assert.All(run.Items, i => Assert.Equal("raw/shared-1.json", Assert.Single(i.Raw).Path));
        Assert.Empty(EvidenceVerifier.Verify(run));
    }

    private static List<CollectionTask> Tasks(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new CollectionTask($"aws-{i:D4}", new AwsConfigRuleQuery($"RULE_{i}") { Location = SourceLocation.OfFile("x") }, AwsCloud.Source("111122223333", "us-east-1"))
            {
                Boundary = new Boundary(null, []),
            })
            .ToList();

    /// <summary>Keeps full detail up to 10 tasks; answers every task from one shared page.</summary>
    private sealed class BulkCollector : IBulkEvidenceCollector
    {
        public DetailLevel? CollectedAt { get; private set; }

        public string Service => "aws";

        public bool CanCollect(EvidenceQuery query) => true;

        public IEnumerable<string> Describe(CollectionTask task) => [task.ItemId];

        public Task<EvidenceItem> CollectAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("a bulk plan never collects one task at a time");

        public bool AnswersInBulk(Boundary boundary, DetailLevel detail) => true;

        public CallEstimate Estimate(IEnumerable<CollectionTask> tasks, DetailLevel detail, EstimateBasis basis)
        {
            var tally = new CallTally();
            foreach (var _ in tasks)
            {
                tally.Task();
                tally.Add("Summary", 1);
            }

            var resolved = detail == DetailLevel.Auto ? (tally.Tasks <= 10 ? DetailLevel.All : DetailLevel.NonCompliant) : detail;
            return tally.ToEstimate(Service, 10, 20, resolved, basis.Description);
        }

        public async IAsyncEnumerable<EvidenceItem> CollectAllAsync(
            IEnumerable<CollectionTask> tasks, DetailLevel detail, EvidenceRunWriter writer, ICollectionProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            CollectedAt = detail;
            var page = writer.WriteRaw("shared", 1, "{}"u8);
            foreach (var task in tasks)
            {
                await Task.Yield();
                yield return task.ItemIn(writer.RunId, ItemStatus.Collected, Start) with
                {
                    Method = EvidenceMethod.Summary, Raw = [page], Counts = ComplianceCounts.Summary(0),
                };
            }
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

using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Core.Tests.Collection;

/// <summary>Each cloud's tasks run in a pool of their own, all pools at once: Azure does not wait for AWS to finish.</summary>
public sealed class CloudPoolsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AzureStartsWhileAwsIsStillCollecting()
    {
        using var folder = new TempDirectory();
        var azureStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aws = new Collector("aws", async token => await azureStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), token));
        var azure = new Collector("azure", _ =>
        {
            azureStarted.TrySetResult();
            return Task.CompletedTask;
        });
        var runner = new CollectionRunner([aws, azure], new FakeTimeProvider(Start), maxConcurrency: 1);

        // With one shared pool of one worker, AWS's first task would wait for Azure forever.
        var result = await runner.RunAsync([.. Tasks("aws", 3), .. Tasks("azure", 3)], Writer(folder), new Progress(), TestContext.Current.CancellationToken);

        Assert.Equal((true, 6), (result.Complete, result.Collected));
    }

    [Fact]
    public async Task RejectedCredentialsInOneCloudStopTheOtherCloudToo()
    {
        using var folder = new TempDirectory();
        var aws = new Collector("aws", _ => throw CollectionAbortedException.Credentials("AWS Config", "ExpiredTokenException"));
        var azure = new Collector("azure", async token => await Task.Delay(Timeout.Infinite, token));
        var runner = new CollectionRunner([aws, azure], new FakeTimeProvider(Start), maxConcurrency: 2);

        var result = await runner.RunAsync([.. Tasks("aws", 2), .. Tasks("azure", 2)], Writer(folder), new Progress(), TestContext.Current.CancellationToken);

        Assert.False(result.Complete);
        Assert.StartsWith("AWS Config rejected the credentials (ExpiredTokenException)", result.AbortReason, StringComparison.Ordinal);
        Assert.Equal(4, result.NotReached.Count);
    }

    private static EvidenceRunWriter Writer(TempDirectory folder) => EvidenceRunWriter.Start(folder.Path, Start, "test-system", "evidence test");

    private static IEnumerable<CollectionTask> Tasks(string cloud, int count) => Enumerable.Range(1, count).Select(i => cloud == "aws"
        ? new CollectionTask($"aws-{i:D4}", new AwsConfigRuleQuery($"RULE_{i}") { Location = SourceLocation.OfFile("test") }, AwsCloud.Source("111122223333", "us-east-1"))
        : new CollectionTask($"azure-{i:D4}", new AzurePolicyQuery(AzurePolicyTarget.Definition, $"/providers/Microsoft.Authorization/policyDefinitions/p{i}") { Location = SourceLocation.OfFile("test") }, AzureCloud.Subscription("00000000-0000-0000-0000-000000000001")));

    private sealed class Collector(string service, Func<CancellationToken, Task> work) : IEvidenceCollector
    {
        public string Service => service;

        public bool CanCollect(EvidenceQuery query) => (query is AwsConfigRuleQuery) == (service == "aws");

        public IEnumerable<string> Describe(CollectionTask task) => [task.ItemId];

        public async Task<EvidenceItem> CollectAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
        {
            await work(cancellationToken);
            var (file, rows, counts) = writer.WriteResults(task.ItemId, []);
            return task.ItemIn(writer.RunId, ItemStatus.Collected, Start) with { Results = file, Rows = rows, Counts = counts };
        }
    }

    private sealed class Progress : ICollectionProgress
    {
        public void Call(string service) { }

        public void Page(string service, int rows) { }

        public void Throttled(string service) { }

        public void Retried(string service) { }

        public void TaskDone(string service, bool failed) { }
    }
}

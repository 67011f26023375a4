using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// The units of a bulk plan (a scope's or request's tasks together, or one task alone), run side by side.
/// A bug in one unit must not cost the others: its tasks are recorded as not collected (CollectorError), while
/// what dooms every task (rejected credentials, cancellation) still stops the run.
/// </summary>
internal sealed class PlanWork(EvidenceRunWriter writer, AzurePolicyCollectorOptions options, Func<CollectionTask, CancellationToken, Task<EvidenceItem>> alone)
{
    private readonly List<Func<CancellationToken, Task<IReadOnlyList<EvidenceItem>>>> _units = [];

    /// <summary>Collects one task as the per-query plan does, a bug in it recorded as its failure.</summary>
    public async Task<EvidenceItem> AloneAsync(CollectionTask task, CancellationToken cancellationToken)
    {
        try
        {
            return await alone(task, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (CollectionAbortedException or OperationCanceledException))
        {
            return Failed(task, e);
        }
    }

    public void AddAlone(CollectionTask task) => _units.Add(async token => [await AloneAsync(task, token).ConfigureAwait(false)]);

    /// <summary>A unit answering <paramref name="tasks"/> together.</summary>
    public void Add(IReadOnlyList<CollectionTask> tasks, Func<CancellationToken, Task<IReadOnlyList<EvidenceItem>>> run) => _units.Add(async token =>
    {
        try
        {
            return await run(token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not (CollectionAbortedException or OperationCanceledException))
        {
            return [.. tasks.Select(t => Failed(t, e))];
        }
    });

    public Task RunAsync(int concurrency, Action<EvidenceItem> onItem, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(_units, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (run, token) =>
        {
            foreach (var item in await run(token).ConfigureAwait(false))
            {
                onItem(item);
            }
        });

    private EvidenceItem Failed(CollectionTask task, Exception e) =>
        SummaryItems.Failed(writer, task, [], "CollectorError", $"{e.GetType().Name}: {e.Message}", options.TimeProvider.GetUtcNow());
}

using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>
/// Runs collection tasks concurrently. One failing task becomes a failed item and the others go on;
/// an aborting failure (credentials) or cancellation stops the run and leaves it incomplete, with
/// every item fetched so far in its manifest.
/// </summary>
public sealed class CollectionRunner(IReadOnlyList<IEvidenceCollector> collectors, TimeProvider time, int maxConcurrency = 16)
{
    public async Task<CollectionResult> RunAsync(
        IReadOnlyList<CollectionTask> tasks, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? abortReason = null;
        var items = new List<EvidenceItem>();
        var gate = new object();
        try
        {
            await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = abort.Token }, async (task, token) =>
            {
                var item = await RunOneAsync(task, writer, progress, token).ConfigureAwait(false);
                writer.Add(item);
                lock (gate)
                {
                    items.Add(item);
                }
            }).ConfigureAwait(false);
        }
        catch (CollectionAbortedException e)
        {
            abortReason = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            abortReason = "collection was interrupted";
        }

        var complete = abortReason is null;
        if (complete)
        {
            var latest = items.Select(i => i.CollectedAt).Append(time.GetUtcNow()).Max();
            writer.Complete(latest);
        }

        var missed = tasks.Select(t => t.ItemId).Except(items.Select(i => i.Id), StringComparer.Ordinal).ToList();
        return new CollectionResult(complete, items.Count(i => i.Status == ItemStatus.Collected), items.Count(i => i.Status == ItemStatus.Failed), missed, abortReason);
    }

    private async Task<EvidenceItem> RunOneAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken token)
    {
        var collector = collectors.FirstOrDefault(c => c.CanCollect(task.Query));
        if (collector is null)
        {
            return Failed(task, "NoCollector", $"no collector handles {task.Query.Describe()}");
        }

        try
        {
            var item = await collector.CollectAsync(task, writer, progress, token).ConfigureAwait(false);
            progress.TaskDone(collector.Service, item.Status == ItemStatus.Failed);
            return item;
        }
        catch (Exception e) when (e is not (CollectionAbortedException or OperationCanceledException))
        {
            // A collector bug must not cost the rest of the run: the query is recorded as not collected.
            progress.TaskDone(collector.Service, failed: true);
            return Failed(task, "CollectorError", $"{e.GetType().Name}: {e.Message}");
        }
    }

    private EvidenceItem Failed(CollectionTask task, string code, string message) => new()
    {
        Id = task.ItemId, RunId = string.Empty, QueryKey = task.Query.Key, Source = task.Source, Status = ItemStatus.Failed,
        CollectedAt = time.GetUtcNow(), Error = new ItemError(code, message), Location = Diagnostics.SourceLocation.OfFile("manifest.json"),
    };
}

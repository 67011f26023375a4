using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>
/// Runs collection tasks concurrently: each collector's tasks (AWS's, Azure's) in a pool of their own of
/// up to <c>maxConcurrency</c>, all pools at once, so each cloud goes at its own limits and the run takes
/// about as long as the slower cloud, not the sum. One failing task becomes a failed item and the others
/// go on; an aborting failure (credentials) or cancellation stops every pool and leaves the run
/// incomplete, with every item fetched so far in its manifest. A collector that answers in bulk
/// (<see cref="IBulkEvidenceCollector"/>) gets its cloud's tasks as one stream instead.
/// </summary>
public sealed class CollectionRunner(IReadOnlyList<IEvidenceCollector> collectors, TimeProvider time, int maxConcurrency = 16)
{
    /// <summary>The per-resource detail asked for (<c>--detail</c>); a bulk collector resolves <see cref="DetailLevel.Auto"/> by its estimate.</summary>
    public DetailLevel Detail { get; init; } = DetailLevel.Auto;

    /// <summary>What a bulk collector's estimate assumes about each cloud's data (by cloud name): the workspace's latest run, or the stated assumption.</summary>
    public Func<string, EstimateBasis> Basis { get; init; } = _ => EstimateBasis.Assumed;

    public async Task<CollectionResult> RunAsync(
        IEnumerable<CollectionTask> tasks, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var estimates = new List<CallEstimate>();
        var pools = tasks.GroupBy(t => collectors.FirstOrDefault(c => c.CanCollect(t.Query)))
            .Select(pool => pool.Key is IBulkEvidenceCollector bulk && pool.First().Boundary is { } boundary
                ? RunBulkAsync(bulk, boundary, pool, writer, progress, estimates, abort)
                : RunPoolAsync(pool.ToList(), writer, progress, abort))
            .ToList();
        string? abortReason = null;
        try
        {
            await Task.WhenAll(pools).ConfigureAwait(false);
        }
        catch (Exception) when (pools.Select(p => p.Exception?.InnerException).OfType<CollectionAbortedException>().FirstOrDefault() is { } aborted)
        {
            abortReason = aborted.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            abortReason = "collection was interrupted";
        }

        var tally = writer.Tally;
        var complete = abortReason is null;
        // A whole run has an item for every task; only one that stopped short reads back which it has.
        IReadOnlyList<string> missed = [];
        if (!complete || tasks.Count() != tally.Items)
        {
            var recorded = writer.RecordedIds();
            missed = tasks.Select(t => t.ItemId).Where(id => !recorded.Contains(id)).ToList();
        }

        if (complete)
        {
            var now = time.GetUtcNow();
            writer.Complete(tally.LatestCollectedAt is { } latest && latest > now ? latest : now);
        }
        else
        {
            writer.Checkpoint();
        }

        return new CollectionResult(complete, tally.Collected, tally.Failed, missed, abortReason)
        {
            Estimates = [.. estimates.OrderBy(e => e.Cloud, StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// One bulk collector's tasks: estimated first (which resolves <see cref="DetailLevel.Auto"/>), then
    /// answered together, or one by one when the collector does not answer this boundary in bulk.
    /// </summary>
    private async Task RunBulkAsync(
        IBulkEvidenceCollector bulk, Workspaces.Boundary boundary, IEnumerable<CollectionTask> pool, EvidenceRunWriter writer,
        ICollectionProgress progress, List<CallEstimate> estimates, CancellationTokenSource abort)
    {
        var estimate = bulk.Estimate(pool, Detail, Basis(bulk.Service));
        lock (estimates)
        {
            estimates.Add(estimate);
        }

        if (!bulk.AnswersInBulk(boundary, estimate.Detail))
        {
            await RunPoolAsync(pool.ToList(), writer, progress, abort).ConfigureAwait(false);
            return;
        }

        try
        {
            await foreach (var item in bulk.CollectAllAsync(pool, estimate.Detail, writer, progress, abort.Token).ConfigureAwait(false))
            {
                writer.Add(item);
                progress.TaskDone(bulk.Service, item.Status == ItemStatus.Failed);
            }
        }
        catch (CollectionAbortedException)
        {
            await abort.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>One collector's tasks; a failure that dooms the run stops the other pools too.</summary>
    private async Task RunPoolAsync(List<CollectionTask> pool, EvidenceRunWriter writer, ICollectionProgress progress, CancellationTokenSource abort)
    {
        try
        {
            await Parallel.ForEachAsync(pool, new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = abort.Token }, async (task, token) =>
                writer.Add(await RunOneAsync(task, writer, progress, token).ConfigureAwait(false))).ConfigureAwait(false);
        }
        catch (CollectionAbortedException)
        {
            await abort.CancelAsync().ConfigureAwait(false);
            throw;
        }
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

    private EvidenceItem Failed(CollectionTask task, string code, string message) =>
        task.ItemIn(string.Empty, ItemStatus.Failed, time.GetUtcNow()) with { Error = new ItemError(code, message) };
}

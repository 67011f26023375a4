using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// Runs the summary plan over many tasks: Azure Policy tasks grouped by the subscription or management
/// group they read (one <see cref="ScopeSummaryCollection"/> each, several scopes at once, each scope
/// under its own rate limiter as Resource Manager throttles per scope), and every other task (Resource
/// Graph queries) on its own as before.
/// </summary>
internal sealed class SummaryPlan(
    Func<CollectionTask, ResourceManagerEndpoint> endpointFor, Func<ResourceManagerEndpoint, PolicyInsightsClient> clientFor,
    RateLimiterPool limiters, AzurePolicyCollectorOptions options, Func<CollectionTask, CancellationToken, Task<EvidenceItem>> alone)
{
    /// <summary>How many scopes (and lone tasks) are worked on at once.</summary>
    public const int Concurrency = 16;

    /// <summary>Every task alone (full detail), still side by side.</summary>
    public bool PerQuery { get; init; }

    public async Task RunAsync(IEnumerable<CollectionTask> tasks, EvidenceRunWriter writer, ICollectionProgress progress, Action<EvidenceItem> onItem, CancellationToken cancellationToken)
    {
        var work = new List<Func<CancellationToken, Task<IReadOnlyList<EvidenceItem>>>>();
        foreach (var group in tasks.GroupBy(t => t.Query is AzurePolicyQuery && !PerQuery ? (endpointFor(t), PolicyStatesRequest.ScopeOf(t)) : (null!, t.ItemId)))
        {
            var members = group.ToList();
            if (members[0].Query is not AzurePolicyQuery || PerQuery)
            {
                work.Add(async token => [await Alone(members[0], token).ConfigureAwait(false)]);
                continue;
            }

            var (endpoint, scope) = group.Key;
            var client = clientFor(endpoint);
            var limiter = limiters.For(client.Endpoint.BaseUri.Host + scope.ToLowerInvariant());
            var collection = new ScopeSummaryCollection(client, limiter, writer, progress, options, Alone);
            work.Add(async token =>
            {
                try
                {
                    return await collection.RunAsync(scope, members, token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not (CollectionAbortedException or OperationCanceledException))
                {
                    // A bug here must not cost the other scopes: this scope's queries are recorded as not collected.
                    return [.. members.Select(t => SummaryItems.Failed(writer, t, [], "CollectorError", $"{e.GetType().Name}: {e.Message}", options.TimeProvider.GetUtcNow()))];
                }
            });
        }

        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (run, token) =>
        {
            foreach (var item in await run(token).ConfigureAwait(false))
            {
                onItem(item);
            }
        }).ConfigureAwait(false);

        async Task<EvidenceItem> Alone(CollectionTask task, CancellationToken token)
        {
            try
            {
                return await alone(task, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not (CollectionAbortedException or OperationCanceledException))
            {
                return SummaryItems.Failed(writer, task, [], "CollectorError", $"{e.GetType().Name}: {e.Message}", options.TimeProvider.GetUtcNow());
            }
        }
    }
}

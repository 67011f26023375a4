using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>
/// Runs the graph plan over many tasks: Azure Policy tasks per endpoint packed into Resource Graph requests
/// (<see cref="GraphRequests"/>, one <see cref="GraphScopeCollection"/> each, a few at once under one
/// rate limiter, as Resource Graph throttles per principal), and every other task on its own as before.
/// </summary>
internal sealed class GraphPlan(
    Func<CollectionTask, ResourceManagerEndpoint> endpointFor, Func<ResourceManagerEndpoint, PolicyInsightsClient> clientFor,
    RateLimiterPool limiters, AzurePolicyCollectorOptions options, Func<CollectionTask, CancellationToken, Task<EvidenceItem>> alone)
{
    /// <summary>Requests (and lone tasks) worked on at once.</summary>
    public const int Concurrency = 4;

    public async Task RunAsync(IEnumerable<CollectionTask> tasks, EvidenceRunWriter writer, ICollectionProgress progress, Action<EvidenceItem> onItem, CancellationToken cancellationToken)
    {
        var work = new PlanWork(writer, options, alone);
        var all = tasks.ToList();
        foreach (var task in all.Where(t => t.Query is not AzurePolicyQuery))
        {
            work.AddAlone(task);
        }

        foreach (var endpoint in all.Where(t => t.Query is AzurePolicyQuery).GroupBy(endpointFor))
        {
            var client = clientFor(endpoint.Key);
            var limiter = limiters.For(client.Endpoint.BaseUri.Host + "/resourcegraph");
            foreach (var request in GraphRequests.For(endpoint))
            {
                var collection = new GraphScopeCollection(client, limiter, writer, progress, options, work.AloneAsync);
                work.Add(request.Tasks, token => collection.RunAsync(request.Name, request.Property, request.Ids, request.Tasks, token));
            }
        }

        await work.RunAsync(Concurrency, onItem, cancellationToken).ConfigureAwait(false);
    }
}

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
        var work = new PlanWork(writer, options, alone);
        foreach (var group in tasks.GroupBy(t => t.Query is AzurePolicyQuery && !PerQuery ? (endpointFor(t), PolicyStatesRequest.ScopeOf(t)) : (null!, t.ItemId)))
        {
            var members = group.ToList();
            if (members[0].Query is not AzurePolicyQuery || PerQuery)
            {
                work.AddAlone(members[0]);
                continue;
            }

            var (endpoint, scope) = group.Key;
            var client = clientFor(endpoint);
            var limiter = limiters.For(client.Endpoint.BaseUri.Host + scope.ToLowerInvariant());
            var collection = new ScopeSummaryCollection(client, limiter, writer, progress, options, work.AloneAsync);
            work.Add(members, token => collection.RunAsync(scope, members, token));
        }

        await work.RunAsync(Concurrency, onItem, cancellationToken).ConfigureAwait(false);
    }
}

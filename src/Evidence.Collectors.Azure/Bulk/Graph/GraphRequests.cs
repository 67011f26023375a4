using System.Globalization;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>
/// How the graph plan packs Azure Policy tasks into Resource Graph requests: the subscriptions' tasks
/// into requests of up to <see cref="SubscriptionsPerRequest"/> subscriptions (in id order), each
/// management group's tasks into a request of their own (the graph answers a group over every
/// subscription beneath it, as Policy Insights does).
/// </summary>
internal static class GraphRequests
{
    /// <summary>Subscriptions one Resource Graph request names at most.</summary>
    public const int SubscriptionsPerRequest = 1000;

    public sealed record Request(string Name, string Property, IReadOnlyList<string> Ids, IReadOnlyList<CollectionTask> Tasks);

    /// <summary>The requests <paramref name="tasks"/> (Azure Policy tasks of one endpoint) make, in a fixed order.</summary>
    public static IReadOnlyList<Request> For(IEnumerable<CollectionTask> tasks)
    {
        var bySubscription = new SortedDictionary<string, List<CollectionTask>>(StringComparer.OrdinalIgnoreCase);
        var byGroup = new SortedDictionary<string, List<CollectionTask>>(StringComparer.OrdinalIgnoreCase);
        foreach (var task in tasks.Where(t => t.Query is AzurePolicyQuery))
        {
            var (map, key) = task.Source.Subscription is { } subscription
                ? (bySubscription, subscription)
                : (byGroup, task.Source.ManagementGroup!.TrimEnd('/').Split('/')[^1]);
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.Add(task);
        }

        var requests = bySubscription.Chunk(SubscriptionsPerRequest).Select((chunk, i) => new Request(
            string.Create(CultureInfo.InvariantCulture, $"/graph/subscriptions-{i + 1}"), "subscriptions", [.. chunk.Select(c => c.Key)], [.. chunk.SelectMany(c => c.Value)])).ToList();
        requests.AddRange(byGroup.Select(g => new Request($"/providers/Microsoft.Management/managementGroups/{g.Key}", "managementGroups", [g.Key], g.Value)));
        return requests;
    }

    /// <summary>The Azure Policy tasks of each request <see cref="For"/> would make, from the tasks each scope (<see cref="PolicyStatesRequest.ScopeOf"/>) has.</summary>
    public static IReadOnlyList<long> Sizes(IEnumerable<(string Scope, long Tasks)> scopes)
    {
        var all = scopes.ToList();
        var subscriptions = all.Where(s => s.Scope.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase)).OrderBy(s => s.Scope, StringComparer.OrdinalIgnoreCase).ToList();
        return [.. subscriptions.Chunk(SubscriptionsPerRequest).Select(c => c.Sum(s => s.Tasks)), .. all.Except(subscriptions).Select(s => s.Tasks)];
    }

    /// <summary>The fewest calls the graph plan makes for requests of these sizes: a count page per 1,000 tasks and a page of non-compliant states each.</summary>
    public static long Fewest(IReadOnlyList<long> sizes) => sizes.Sum(n => 1 + ((n + GraphPaging.MaxPageSize - 1) / GraphPaging.MaxPageSize));

    /// <summary>
    /// Whether the graph plan asks fewer calls than Policy Insights' summary plan whatever the data: the graph's
    /// <see cref="Fewest"/> against one
    /// <c>summarize</c> per subscription or management group. A small workspace keeps the summary plan.
    /// </summary>
    public static bool Cheaper(IEnumerable<CollectionTask> tasks)
    {
        var scopes = tasks.Where(t => t.Query is AzurePolicyQuery).CountBy(PolicyStatesRequest.ScopeOf, StringComparer.OrdinalIgnoreCase).Select(s => (s.Key, (long)s.Value)).ToList();
        return Fewest(Sizes(scopes)) < scopes.Count;
    }
}

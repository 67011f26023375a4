using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceGraph;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>
/// The graph plan for one Resource Graph request (up to <see cref="GraphRequests.SubscriptionsPerRequest"/>
/// subscriptions, or one management group): one paged query counts every asked policy's states per
/// subscription (<see cref="PolicyGraphQuery.Counts"/>); one more lists the non-compliant states of the
/// policies that have some. Each task becomes a summary item as the Policy Insights summary plan makes it
/// (counts for every state, rows for the non-compliant ones). Where the graph cannot answer honestly (the
/// policy has no states in the scope, or the rows found differ from the count because evaluations moved in
/// between) or refuses the query, the task is collected alone.
/// </summary>
internal sealed class GraphScopeCollection(
    PolicyInsightsClient client, AdaptiveRateLimiter limiter, EvidenceRunWriter writer, ICollectionProgress progress,
    AzurePolicyCollectorOptions options, Func<CollectionTask, CancellationToken, Task<EvidenceItem>> alone)
{
    public async Task<IReadOnlyList<EvidenceItem>> RunAsync(string name, string property, IReadOnlyList<string> ids, IReadOnlyList<CollectionTask> tasks, CancellationToken cancellationToken)
    {
        var paging = new GraphPaging(client, limiter, new SharedPages(writer, name), progress, options, tasks[0].Source.ToString());
        var counts = new GraphCounts();
        var counted = await paging.RunAsync(new ResourceGraphRequest(property, ids, PolicyGraphQuery.Counts(tasks.Select(Query))), "graph-counts", counts.Add, cancellationToken).ConfigureAwait(false);
        var at = counted.Date ?? options.TimeProvider.GetUtcNow();
        if (counted.Refused)
        {
            return await AloneAsync(tasks, cancellationToken).ConfigureAwait(false);
        }

        if (counted.Error is { } error)
        {
            return [.. tasks.Select(t => SummaryItems.Failed(writer, t, counted.Raw, error.Code, $"the policy state counts of {Describe(property, ids)}: {error.Message}", at))];
        }

        var items = new List<EvidenceItem>();
        var fallback = new List<CollectionTask>();
        var failing = new List<(CollectionTask Task, ComplianceCounts Counts)>();
        foreach (var task in tasks)
        {
            var summary = counts.For(property == "subscriptions" ? task.Source.Subscription : null);
            if (summary.CountsFor(Query(task)) is not { } found)
            {
                fallback.Add(task);
            }
            else if (found.NonCompliant == 0)
            {
                items.Add(SummaryItems.Build(writer, task, counted.Raw, [], found, at));
            }
            else
            {
                failing.Add((task, found));
            }
        }

        if (failing.Count > 0)
        {
            var states = new List<(string? Subscription, ResultRow Row, PolicyStateTarget Target)>();
            var listed = await paging.RunAsync(new ResourceGraphRequest(property, ids, PolicyGraphQuery.NonCompliant(failing.Select(f => Query(f.Task)))), "graph-noncompliant",
                (row, index) => states.Add(GraphState.From(row, index)), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<StoredFile> shared = [.. counted.Raw, .. listed.Raw];
            foreach (var (task, found) in failing)
            {
                if (listed.Refused)
                {
                    fallback.Add(task);
                    continue;
                }

                if (listed.Error is { } listError)
                {
                    items.Add(SummaryItems.Failed(writer, task, shared, listError.Code, $"the non-compliant states of {Describe(property, ids)}: {listError.Message}", listed.Date ?? at));
                    continue;
                }

                var query = Query(task);
                var rows = states.Where(s => (property != "subscriptions" || string.Equals(s.Subscription, task.Source.Subscription, StringComparison.OrdinalIgnoreCase)) && s.Target.Matches(query))
                    .Select(s => s.Row).ToList();
                if (rows.Count == found.NonCompliant)
                {
                    items.Add(SummaryItems.Build(writer, task, shared, rows, found, listed.Date ?? at));
                }
                else
                {
                    fallback.Add(task);
                }
            }
        }

        items.AddRange(await AloneAsync(fallback, cancellationToken).ConfigureAwait(false));
        return items;
    }

    private async Task<List<EvidenceItem>> AloneAsync(IEnumerable<CollectionTask> tasks, CancellationToken cancellationToken)
    {
        var items = new List<EvidenceItem>();
        foreach (var task in tasks)
        {
            items.Add(await alone(task, cancellationToken).ConfigureAwait(false));
        }

        return items;
    }

    private static AzurePolicyQuery Query(CollectionTask task) => (AzurePolicyQuery)task.Query;

    private static string Describe(string property, IReadOnlyList<string> ids) =>
        ids.Count == 1 ? $"{(property == "subscriptions" ? "subscription" : "management group")} {ids[0]}" : $"{ids.Count} subscriptions";
}

using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// The summary plan for one subscription or management group: one <c>summarize</c> call counts every
/// query's states; only the queries with non-compliant states are then asked for those states, many
/// queries to a request (<see cref="NonCompliantFilter"/>). A query becomes a summary item: the counts from
/// the summary and a row per non-compliant state. Where the summary cannot answer honestly (it may
/// have been cut at <c>$top</c>, it does not name the query's policy, or the rows found differ from its
/// count because evaluations moved in between), the query is collected alone, as the per-query plan does.
/// </summary>
internal sealed class ScopeSummaryCollection(
    PolicyInsightsClient client, AdaptiveRateLimiter limiter, EvidenceRunWriter writer, ICollectionProgress progress,
    AzurePolicyCollectorOptions options, Func<CollectionTask, CancellationToken, Task<EvidenceItem>> alone)
{
    public async Task<IReadOnlyList<EvidenceItem>> RunAsync(string scope, IReadOnlyList<CollectionTask> tasks, CancellationToken cancellationToken)
    {
        var pages = new SharedPages(writer, scope);
        var source = tasks[0].Source.ToString();
        var request = new PolicySummaryRequest(scope, options.SummaryTop);
        ArmResponse response;
        try
        {
            response = await client.PostAsync(request.Url(client.Endpoint), source, limiter, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseLostException e)
        {
            return Failed(tasks, [], "ResponseIncomplete", $"the policy summary of {scope}: {e.Message}", options.TimeProvider.GetUtcNow());
        }

        if (response.Status == 401)
        {
            throw CollectionAbortedException.Credentials("Azure Resource Manager", ArmError.From(response).ToString());
        }

        IReadOnlyList<StoredFile> raw = pages.Keep("summary", 1, response) is { } kept ? [kept] : [];
        var at = response.Date ?? options.TimeProvider.GetUtcNow();
        if (!response.IsSuccess)
        {
            var error = ArmError.After(response, options.MaxRetries);
            return Failed(tasks, raw, error.Code, error.Message, at);
        }

        PolicySummary summary;
        try
        {
            summary = PolicySummary.Parse(response.Body);
        }
        catch (InvalidDataException e)
        {
            return Failed(tasks, raw, "MalformedResponse", $"the policy summary of {scope}: {e.Message}", at);
        }

        progress.Page(AzurePolicyCollector.ServiceName, 0);
        var items = new List<EvidenceItem>();
        var fallback = new List<CollectionTask>();
        var counted = new List<(CollectionTask Task, ComplianceCounts Counts)>();
        foreach (var task in tasks)
        {
            // A summary listing as many assignments as $top allowed may have left out one that holds this policy.
            if (summary.MayBeCut(options.SummaryTop) || summary.CountsFor((AzurePolicyQuery)task.Query) is not { } counts)
            {
                fallback.Add(task);
            }
            else if (counts.NonCompliant == 0)
            {
                items.Add(SummaryItems.Build(writer, task, raw, [], counts, at));
            }
            else
            {
                counted.Add((task, counts));
            }
        }

        var paging = new SharedStatesPaging(client, limiter, pages, progress, options, source);
        var chunk = 0;
        foreach (var (filter, queries) in NonCompliantFilter.For(counted.Select(c => (AzurePolicyQuery)c.Task.Query)))
        {
            chunk++;
            var keys = queries.Select(q => q.Key).ToHashSet(StringComparer.Ordinal);
            var members = counted.Where(c => keys.Contains(c.Task.Query.Key)).ToList();
            var outcome = await paging.RunAsync(new PolicyStatesRequest(scope, filter), $"noncompliant-{chunk}", cancellationToken).ConfigureAwait(false);
            if (outcome.Refused)
            {
                fallback.AddRange(members.Select(m => m.Task));
                continue;
            }

            IReadOnlyList<StoredFile> shared = [.. raw, .. outcome.Raw];
            foreach (var (task, counts) in members)
            {
                if (outcome.Error is { } error)
                {
                    items.Add(SummaryItems.Failed(writer, task, shared, error.Code, $"the non-compliant states of {scope}: {error.Message}", outcome.Date ?? at));
                    continue;
                }

                var query = (AzurePolicyQuery)task.Query;
                var rows = outcome.States.Where(s => s.Target.Matches(query)).Select(s => s.Row).ToList();
                if (rows.Count == counts.NonCompliant)
                {
                    items.Add(SummaryItems.Build(writer, task, shared, rows, counts, outcome.Date ?? at));
                }
                else
                {
                    fallback.Add(task);
                }
            }
        }

        foreach (var task in fallback)
        {
            items.Add(await alone(task, cancellationToken).ConfigureAwait(false));
        }

        return items;
    }

    private List<EvidenceItem> Failed(IReadOnlyList<CollectionTask> tasks, IReadOnlyList<StoredFile> raw, string code, string message, DateTimeOffset at) =>
        [.. tasks.Select(t => SummaryItems.Failed(writer, t, raw, code, message, at))];
}

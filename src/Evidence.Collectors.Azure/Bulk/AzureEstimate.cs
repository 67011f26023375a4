using System.Globalization;
using Evidence.Collectors.Azure.Bulk.Graph;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// What Azure's tasks cost, walked once without holding them: query by query (a queryResults chain per
/// Azure Policy query and scope, a Resource Graph chain per graph query and scope) and by the summary plan
/// (a summarize per scope, then non-compliant states only where the basis expects some, many queries to a
/// request). Each subscription has its own rate limit, so scopes are collected side by side (up to
/// <see cref="SummaryPlan.Concurrency"/> at once): the seconds are the calls spread over that many buckets,
/// but never less than the busiest scope's calls at the rate. <see cref="DetailLevel.Auto"/> keeps full
/// detail while that takes at most <see cref="AutoDetailSeconds"/>, as a small workspace always had it.
/// </summary>
internal static class AzureEstimate
{
    public const double AutoDetailSeconds = 600;

    public const string Summarize = "Microsoft.PolicyInsights/policyStates/summarize";
    public const string QueryResults = "Microsoft.PolicyInsights/policyStates/queryResults";
    public const string NonCompliantResults = "Microsoft.PolicyInsights/policyStates/queryResults (non-compliant)";
    public const string Graph = "Microsoft.ResourceGraph/resources";
    public const string GraphCounts = "Microsoft.ResourceGraph/resources (policyresources counts)";
    public const string GraphNonCompliant = "Microsoft.ResourceGraph/resources (policyresources non-compliant)";

    public static CallEstimate Of(IEnumerable<CollectionTask> tasks, DetailLevel detail, EstimateBasis basis, double rate, int burst, int pageSize, AzureBulkSource source = AzureBulkSource.Auto)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(basis);
        var perQuery = new CallTally();
        var summary = new CallTally();
        var graph = new CallTally();
        var scopes = new Dictionary<string, Scope>(StringComparer.OrdinalIgnoreCase);
        var pagesPerQuery = Math.Max(1, (long)Math.Ceiling(basis.ResourcesPerItem / pageSize));
        foreach (var task in tasks)
        {
            perQuery.Task();
            summary.Task();
            graph.Task();
            var key = PolicyStatesRequest.ScopeOf(task);
            if (!scopes.TryGetValue(key, out var scope))
            {
                scopes[key] = scope = new Scope();
            }

            if (task.Query is AzurePolicyQuery policy)
            {
                perQuery.Add(QueryResults, pagesPerQuery);
                scope.PerQuery += pagesPerQuery;
                scope.Add(PolicyStatesRequest.FilterFor(policy).Length);
            }
            else
            {
                // Resource Graph queries are asked alone by both plans.
                perQuery.Add(Graph, pagesPerQuery);
                summary.Add(Graph, pagesPerQuery);
                graph.Add(Graph, pagesPerQuery);
                scope.PerQuery += pagesPerQuery;
                scope.Alone += pagesPerQuery;
            }
        }

        long busiestPerQuery = 0, busiestSummary = 0;
        foreach (var scope in scopes.Values)
        {
            busiestPerQuery = Math.Max(busiestPerQuery, scope.PerQuery);
            var calls = scope.Alone;
            if (scope.Queries > 0)
            {
                // A joint request per filter that holds a failing query, and a page more per 1,000 non-compliant states.
                var failing = scope.Queries * basis.FailingShare;
                var states = failing * basis.NonCompliantPerFailing;
                var pages = failing <= 0 ? 0 : Math.Max(Math.Min(scope.Chunks, (long)Math.Ceiling(failing)), (long)Math.Ceiling(states / pageSize));
                summary.Add(Summarize, 1);
                summary.Add(NonCompliantResults, pages);
                calls += 1 + pages;
            }

            busiestSummary = Math.Max(busiestSummary, calls);
        }

        var resolved = detail != DetailLevel.Auto ? detail
            : Seconds(perQuery.Calls, busiestPerQuery, scopes.Count, rate, burst) <= AutoDetailSeconds ? DetailLevel.All : DetailLevel.NonCompliant;
        var policyScopes = scopes.Where(s => s.Value.Queries > 0).Select(s => (s.Key, s.Value.Queries)).ToList();
        var sizes = GraphRequests.Sizes(policyScopes);
        if (resolved == DetailLevel.NonCompliant && source != AzureBulkSource.PolicyInsights
            && (source == AzureBulkSource.ResourceGraph || GraphRequests.Fewest(sizes) < policyScopes.Count))
        {
            AddGraph(graph, sizes, basis);
            var graphText = string.Create(CultureInfo.InvariantCulture, $"{basis.Description}; Resource Graph over {policyScopes.Count:N0} scopes in {sizes.Count:N0} requests, one limit of {rate:0.#}/s for the principal");
            return graph.ToEstimate(AzurePolicyCollector.ServiceName, rate, burst, resolved, graphText) with { Seconds = CallEstimate.SecondsAt(graph.Calls, rate, burst) };
        }

        var (tally, busiest) = resolved == DetailLevel.All ? (perQuery, busiestPerQuery) : (summary, busiestSummary);
        var text = string.Create(CultureInfo.InvariantCulture, $"{basis.Description}; {scopes.Count:N0} scopes, each with its own limit of {rate:0.#}/s, {Math.Min(scopes.Count, SummaryPlan.Concurrency)} at a time");
        return tally.ToEstimate(AzurePolicyCollector.ServiceName, rate, burst, resolved, text) with
        {
            Seconds = Seconds(tally.Calls, busiest, scopes.Count, rate, burst),
        };
    }

    /// <summary>Count rows a query makes at most in a subscription: one per state its policy meets there (compliant, non-compliant, exempt).</summary>
    public const int CountRowsPerQuery = 3;

    /// <summary>The graph plan's calls: per request, a page of counts per 1,000 count rows (<see cref="CountRowsPerQuery"/> a query), and a page per 1,000 non-compliant states where the basis expects some.</summary>
    private static void AddGraph(CallTally graph, IReadOnlyList<long> sizes, EstimateBasis basis)
    {
        foreach (var queries in sizes)
        {
            graph.Add(GraphCounts, Math.Max(1, (queries * CountRowsPerQuery + GraphPaging.MaxPageSize - 1) / GraphPaging.MaxPageSize));
            var failing = queries * basis.FailingShare;
            if (failing > 0)
            {
                graph.Add(GraphNonCompliant, Math.Max(1, (long)Math.Ceiling(failing * basis.NonCompliantPerFailing / GraphPaging.MaxPageSize)));
            }
        }
    }

    /// <summary>The calls spread over the scopes worked on at once, each at its own rate, but no faster than the busiest scope alone.</summary>
    private static double Seconds(long calls, long busiest, int scopes, double rate, int burst)
    {
        var lanes = Math.Max(1, Math.Min(scopes, SummaryPlan.Concurrency));
        return Math.Max(CallEstimate.SecondsAt(busiest, rate, burst), CallEstimate.SecondsAt(calls, rate * lanes, burst * lanes));
    }

    /// <summary>One scope's share: calls query by query, its Azure Policy queries and how many joint filters they make.</summary>
    private sealed class Scope
    {
        private int _length = NonCompliantFilter.MaxLength;

        public long PerQuery { get; set; }

        public long Alone { get; set; }

        public long Queries { get; private set; }

        public long Chunks { get; private set; }

        /// <summary>Packs a query's filter clause as <see cref="NonCompliantFilter"/> does: a new filter when it would pass the length.</summary>
        public void Add(int clause)
        {
            Queries++;
            if (_length + clause + 6 > NonCompliantFilter.MaxLength)
            {
                Chunks++;
                _length = 40;
            }

            _length += clause + 6;
        }
    }
}

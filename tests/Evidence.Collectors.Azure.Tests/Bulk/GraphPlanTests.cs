using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.Bulk;

/// <summary>
/// The graph plan: Resource Graph's policyresources table counted and listed for many subscriptions a request must
/// record what Policy Insights' summary plan records, page by page, and fall back to asking alone where it cannot.
/// </summary>
public sealed class GraphPlanTests
{
    private static readonly FakeAzureTenant Tenant = new() { SubscriptionCount = 5, DefinitionCount = 6, MaxResources = 40 };

    [Fact]
    public async Task TheGraphPlanRecordsTheSameCountsAndNonCompliantResourcesAsThePolicyInsightsSummary()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        using var insights = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        using var graph = new AzurePolicyCollector(h.Options());
        var tasks = BulkTasks.For(Tenant);

        var summarized = await h.RunSummarizedAsync(insights, tasks, "summarized");
        var before = h.Server.Requests.Count;
        var graphed = await h.RunSummarizedAsync(graph, tasks, "graphed");
        var calls = h.Server.Requests.Skip(before).ToList();

        Assert.Equal(tasks.Count, graphed.Items.Count);
        foreach (var expected in summarized.Items)
        {
            var actual = Assert.Single(graphed.Items, i => i.Id == expected.Id);
            Assert.Equal((ItemStatus.Collected, expected.Counts, expected.Method), (actual.Status, actual.Counts, actual.Method));
            Assert.Equal(Rows(summarized, expected), Rows(graphed, actual));
        }

        // Auto chose the graph for five subscriptions: one page of counts, one of non-compliant states, and the
        // unassigned definition asked alone in each subscription (no states in the graph: unassigned or unknown).
        Assert.Equal(2, calls.Count(r => r.PathAndQuery.StartsWith(FakeResourceGraph.Path, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(5, calls.Count(r => r.Filter == $"PolicyDefinitionName eq '{BulkTasks.Unassigned}'"));
        Assert.Equal(7, calls.Count);
        var initiative = graphed.Items.First(i => i.Counts.NonCompliant > 0);
        Assert.Equal(["raw/azure-subscriptions-1-graph-counts-1.json", "raw/azure-subscriptions-1-graph-noncompliant-1.json"], initiative.Raw.Select(r => r.Path));
        Assert.Empty(EvidenceVerifier.Verify(graphed));
    }

    [Fact]
    public async Task CountsAndStatesLongerThanAPageAreReadToTheLastSkipToken()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        using var small = new AzurePolicyCollector(h.Options(o => ByResourceGraph(o) with { PageSize = 7, MinPageSize = 1 }));
        using var insights = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var tasks = BulkTasks.For(Tenant);

        var graphed = await h.RunSummarizedAsync(small, tasks, "graphed");
        var summarized = await h.RunSummarizedAsync(insights, tasks, "summarized");

        var bodies = h.Server.Graph.Bodies.ToList();
        Assert.True(bodies.Count(b => b.Contains("$skipToken", StringComparison.Ordinal)) > 5, $"{bodies.Count} graph requests");
        foreach (var expected in summarized.Items)
        {
            var actual = Assert.Single(graphed.Items, i => i.Id == expected.Id);
            Assert.Equal(expected.Counts, actual.Counts);
            Assert.Equal(Rows(summarized, expected), Rows(graphed, actual));
        }
    }

    [Fact]
    public async Task AGraphTheCallerMayNotReadSendsEveryQueryToBeAskedAlone()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Forbidden) { When = r => r.PathAndQuery.StartsWith(FakeResourceGraph.Path, StringComparison.OrdinalIgnoreCase) });
        using var collector = new AzurePolicyCollector(h.Options(ByResourceGraph));
        var tasks = BulkTasks.For(Tenant, Tenant.Subscriptions.Take(2));

        var run = await h.RunSummarizedAsync(collector, tasks);

        Assert.All(run.Items, i => Assert.Equal((ItemStatus.Collected, EvidenceMethod.Detail), (i.Status, i.Method)));
        Assert.All(run.Items, i => Assert.Equal(i.Counts.Total, i.Rows));
    }

    [Fact]
    public async Task AnswersThatStopWithoutASkipTokenAreRecordedAsCappedNotAsTheWholeAnswer()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        h.Server.Graph.SkipTokens = false;
        using var collector = new AzurePolicyCollector(h.Options(o => ByResourceGraph(o) with { PageSize = 7, MinPageSize = 1 }));
        var tasks = BulkTasks.For(Tenant, Tenant.Subscriptions.Take(2));

        var run = await h.RunSummarizedAsync(collector, tasks);

        Assert.All(run.Items, i => Assert.Equal(ItemStatus.Failed, i.Status));
        Assert.All(run.Items, i => Assert.Equal("ResultsCapped", i.Error!.Code));
        Assert.All(run.Items, i => Assert.Single(i.Raw));
    }

    private static List<string> Rows(EvidenceRun run, EvidenceItem item) =>
        item.Results is null ? [] : [.. File.ReadLines(Path.Combine(run.Directory, item.Results.Path)).Order(StringComparer.Ordinal)];
}

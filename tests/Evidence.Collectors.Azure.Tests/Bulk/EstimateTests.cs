using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Collection;
using Evidence.Core.Workspaces;
using Evidence.Testing.Fakes.Azure;

namespace Evidence.Collectors.Azure.Tests.Bulk;

/// <summary>Azure's call estimate against answers worked out by hand, and the plan --detail auto picks from it.</summary>
public sealed class EstimateTests
{
    // 2% of queries failing with 2 non-compliant states each, 10 states a query and scope.
    private static readonly EstimateBasis Basis = EstimateBasis.Assumed;

    [Fact]
    public void ASmallWorkspaceKeepsFullDetailQueryByQuery()
    {
        using var collector = new AzurePolicyCollector();
        var tasks = BulkTasks.For(new FakeAzureTenant { SubscriptionCount = 2, DefinitionCount = 6 });

        var estimate = collector.Estimate(tasks, DetailLevel.Auto, Basis);

        // 10 queries x 2 subscriptions, one page each.
        Assert.Equal(DetailLevel.All, estimate.Detail);
        Assert.Equal((20L, 20L), (estimate.Tasks, estimate.Calls));
        Assert.Equal([new KeyValuePair<string, long>("Microsoft.PolicyInsights/policyStates/queryResults", 20)], estimate.CallsByOperation);
    }

    [Fact]
    public void AFiftySubscriptionTenantIsSummarizedAtACallPerScopeAndTheExpectedFailures()
    {
        using var collector = new AzurePolicyCollector(new AzurePolicyCollectorOptions { BulkSource = AzureBulkSource.PolicyInsights });
        var tasks = BulkTasks.For(new FakeAzureTenant { SubscriptionCount = 50, DefinitionCount = 93 });

        var summarized = collector.Estimate(tasks, DetailLevel.NonCompliant, Basis);
        var perQuery = collector.Estimate(tasks, DetailLevel.All, Basis);

        // 97 queries a subscription: a summary, and 97 x 2% = 1.94 failing queries, in at most 2 of its 3 joint filters.
        Assert.Equal(50L * 97, summarized.Tasks);
        Assert.Equal(
            [new KeyValuePair<string, long>("Microsoft.PolicyInsights/policyStates/queryResults (non-compliant)", 100), new("Microsoft.PolicyInsights/policyStates/summarize", 50)],
            summarized.CallsByOperation);
        Assert.Equal(4850L, perQuery.Calls);

        // Each subscription is limited on its own (10/s, a burst of 10), 16 worked on at once: 3 calls a subscription
        // fit in its burst, so the rate costs nothing; 4,850 take (4,850 - 160) / 160 = 29.3 s.
        Assert.Equal(0, summarized.Seconds, 1);
        Assert.Equal(29.3, perQuery.Seconds, 1);
        Assert.Contains("50 scopes", summarized.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoSummarizesOnceQueryByQueryWouldTakeMoreThanTenMinutes()
    {
        using var collector = new AzurePolicyCollector(new AzurePolicyCollectorOptions { BulkSource = AzureBulkSource.PolicyInsights });
        var tasks = BulkTasks.For(new FakeAzureTenant { SubscriptionCount = 1000, DefinitionCount = 93 });

        var estimate = collector.Estimate(tasks, DetailLevel.Auto, Basis);

        Assert.Equal(DetailLevel.NonCompliant, estimate.Detail);
        Assert.Equal(1000, estimate.CallsByOperation.Single(c => c.Key.EndsWith("summarize", StringComparison.Ordinal)).Value);
    }

    [Fact]
    public void AFiftySubscriptionTenantGoesToResourceGraphAtAFewPagesOfCountsAndStates()
    {
        using var collector = new AzurePolicyCollector();
        var tasks = BulkTasks.For(new FakeAzureTenant { SubscriptionCount = 50, DefinitionCount = 93 });

        var estimate = collector.Estimate(tasks, DetailLevel.NonCompliant, Basis);

        // One request for the 50 subscriptions' 4,850 tasks: at most 3 count rows each, 14,550 in 15 pages of 1,000,
        // and 4,850 x 2% x 2 = 194 non-compliant states in one page. One limit (10/s, a burst of 10) for all: (16 - 10) / 10 s.
        Assert.Equal(
            [new KeyValuePair<string, long>("Microsoft.ResourceGraph/resources (policyresources counts)", 15), new("Microsoft.ResourceGraph/resources (policyresources non-compliant)", 1)],
            estimate.CallsByOperation);
        Assert.Equal(0.6, estimate.Seconds, 1);
        Assert.Contains("Resource Graph over 50 scopes in 1 requests", estimate.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void AThousandSubscriptionTenantTakesOneGraphRequestPerThousandSubscriptions()
    {
        using var collector = new AzurePolicyCollector();
        var tasks = BulkTasks.For(new FakeAzureTenant { SubscriptionCount = 1500, DefinitionCount = 93 });

        var estimate = collector.Estimate(tasks, DetailLevel.Auto, Basis);

        // 1,000 and 500 subscriptions of 97 queries: 291,000 and 145,500 count rows at most (291 and 146 pages), 3,880 and 1,940
        // states (4 and 2 pages), against 1,500 summarize calls and 3,000 of non-compliant states by Policy Insights.
        Assert.Equal(DetailLevel.NonCompliant, estimate.Detail);
        Assert.Equal(291 + 146 + 4 + 2, estimate.Calls);
        Assert.Equal((291 + 146 + 4 + 2 - 10) / 10.0, estimate.Seconds, 1);
    }

    [Fact]
    public void OneSubscriptionStaysWithPolicyInsights()
    {
        using var collector = new AzurePolicyCollector();
        var tasks = BulkTasks.For(new FakeAzureTenant { SubscriptionCount = 1, DefinitionCount = 93 });

        var estimate = collector.Estimate(tasks, DetailLevel.NonCompliant, Basis);

        Assert.Contains(estimate.CallsByOperation, c => c.Key.EndsWith("summarize", StringComparison.Ordinal));
        Assert.DoesNotContain(estimate.CallsByOperation, c => c.Key.Contains("policyresources", StringComparison.Ordinal));
    }

    [Fact]
    public void ResourceGraphQueriesAreAskedAloneByEitherPlan()
    {
        using var collector = new AzurePolicyCollector();
        var graph = new AzureResourceGraphQuery("untagged", "Untagged storage", "resources | where type =~ 'microsoft.storage/storageaccounts'") { Location = Evidence.Core.Diagnostics.SourceLocation.OfFile("x") };
        var tasks = new[] { new CollectionTask("azure-0001", graph, AzureCloud.Subscription(AzureHarness.Subscription)) };

        var estimate = collector.Estimate(tasks, DetailLevel.NonCompliant, Basis);

        Assert.Equal([new KeyValuePair<string, long>("Microsoft.ResourceGraph/resources", 1)], estimate.CallsByOperation);
    }

    [Fact]
    public async Task TheRunnerHandsTheTenantToTheSummaryPlanAndReportsTheEstimate()
    {
        await using var h = await AzureHarness.StartAsync();
        var tenant = new FakeAzureTenant { SubscriptionCount = 4, DefinitionCount = 5 };
        tenant.Deploy(h.Server);
        using var collector = new AzurePolicyCollector(h.Options(AzureHarness.ByPolicyInsights));
        var boundary = new Boundary(null, [new AzureBoundary("AzureCloud", [.. tenant.Subscriptions.Select(s => new AzureSubscription(s, null, Evidence.Core.Diagnostics.SourceLocation.OfFile("x")))], [])]);
        var tasks = BulkTasks.For(tenant).Select(t => t with { Boundary = boundary }).ToList();
        var writer = Evidence.Core.Store.EvidenceRunWriter.Start(h.Workspace.Path, AzureHarness.Start, "test-system", "evidence-tests");

        var result = await new CollectionRunner([collector], h.Time) { Detail = DetailLevel.NonCompliant }.RunAsync(tasks, writer, h.Progress, TestContext.Current.CancellationToken);

        Assert.True(result.Complete);
        Assert.Equal((tasks.Count, 0), (result.Collected, result.Failed));
        Assert.Equal(DetailLevel.NonCompliant, Assert.Single(result.Estimates).Detail);
        Assert.Contains(writer.Items, i => i.Method == Evidence.Core.Store.EvidenceMethod.Summary);
        Assert.Equal(4, h.Server.Requests.Count(r => r.Operation == "summarize"));
    }
}

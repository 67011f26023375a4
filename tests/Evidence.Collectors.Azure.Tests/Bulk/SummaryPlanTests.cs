using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Collection;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Azure;

using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.Bulk;

public sealed class SummaryPlanTests
{
    private static readonly FakeAzureTenant Tenant = new() { SubscriptionCount = 5, DefinitionCount = 6, MaxResources = 40 };

    [Fact]
    public async Task TheSummaryPlanRecordsTheSameCountsAndNonCompliantResourcesAsAskingQueryByQuery()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var tasks = BulkTasks.For(Tenant);

        var (_, alone) = await h.RunAsync(collector, tasks);
        var perQueryCalls = h.Server.Requests.Count;
        var summarized = await h.RunSummarizedAsync(collector, tasks);
        var summaryCalls = h.Server.Requests.Count - perQueryCalls;

        Assert.Equal(tasks.Count, summarized.Items.Count);
        foreach (var expected in alone.Items)
        {
            var actual = Assert.Single(summarized.Items, i => i.Id == expected.Id);
            Assert.Equal(ItemStatus.Collected, actual.Status);
            Assert.Equal(expected.Counts, actual.Counts);
            Assert.Equal(NonCompliant(alone, expected), NonCompliant(summarized, actual));
        }

        // Five summaries and, per subscription, one request for the non-compliant states of every query that has some;
        // the unassigned definition is asked alone (the summary cannot tell unassigned from left out).
        Assert.Equal(5 + 5 + 5, summaryCalls);
        Assert.True(perQueryCalls >= tasks.Count && summaryCalls * 3 < perQueryCalls, $"{perQueryCalls} calls query by query, {summaryCalls} summarized");
        var unassigned = summarized.Items.Where(i => i.QueryKey.EndsWith(BulkTasks.Unassigned, StringComparison.Ordinal)).ToList();
        Assert.All(unassigned, i => Assert.Equal(0, i.Counts.Total));
    }

    [Fact]
    public async Task ASummaryItemKeepsOnlyTheNonCompliantRowsAndListsTheSharedPagesItWasMadeFrom()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var subscription = Tenant.Subscriptions[0];

        var run = await h.RunSummarizedAsync(collector, BulkTasks.For(Tenant, [subscription]));

        var initiative = Assert.Single(run.Items, i => i.QueryKey == $"azure-policy/set-definition/{FakeAzureTenant.Initiative}");
        Assert.Equal(EvidenceMethod.Summary, initiative.Method);
        Assert.Equal(initiative.Counts.NonCompliant, initiative.Rows);
        Assert.True(initiative.Counts.Compliant > initiative.Rows);
        Assert.Equal([$"raw/azure-{subscription}-summary-1.json", $"raw/azure-{subscription}-noncompliant-1-1.json"], initiative.Raw.Select(r => r.Path));
        Assert.All(File.ReadLines(Path.Combine(run.Directory, initiative.Results!.Path)), l => Assert.Contains("\"NON_COMPLIANT\"", l, StringComparison.Ordinal));
        var sharing = run.Items.Count(i => i.Raw.Any(r => r.Path == initiative.Raw[0].Path));
        Assert.True(sharing > 5, $"the summary page is listed by {sharing} items");
        Assert.Empty(Evidence.Core.Store.EvidenceVerifier.Verify(run));

        // Queries with nothing non-compliant keep no results file; the one the summary does not name was asked alone.
        Assert.All(run.Items.Where(i => i.Method == EvidenceMethod.Summary && i.Counts.NonCompliant == 0), i => Assert.Null(i.Results));
        var alone = Assert.Single(run.Items, i => i.Method == EvidenceMethod.Detail);
        Assert.EndsWith(BulkTasks.Unassigned, alone.QueryKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASummaryThatListsAsManyAssignmentsAsAskedForIsNotTrustedAndEachQueryIsAskedAlone()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        using var collector = new AzurePolicyCollector(h.Options(o => o with { SummaryTop = 2, BulkSource = AzureBulkSource.PolicyInsights }));
        var subscription = Tenant.Subscriptions[0];
        var tasks = BulkTasks.For(Tenant, [subscription]);

        var run = await h.RunSummarizedAsync(collector, tasks);

        // The tenant has exactly two assignments per subscription, so a $top of 2 may have cut the list.
        Assert.Equal(1 + tasks.Count, h.Server.Requests.Count(r => r.IsFirstPage && r.Apply is null));
        Assert.All(run.Items, i => Assert.Equal(ItemStatus.Collected, i.Status));
        Assert.All(run.Items, i => Assert.Equal(i.Counts.Total, i.Rows));
    }

    [Fact]
    public async Task AJointFilterTheServiceRefusesIsAskedQueryByQuery()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.InvalidFilter) { When = r => r.Filter?.StartsWith("ComplianceState", StringComparison.Ordinal) == true });
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var tasks = BulkTasks.For(Tenant, [Tenant.Subscriptions[1]]);

        var run = await h.RunSummarizedAsync(collector, tasks);

        Assert.All(run.Items, i => Assert.Equal(ItemStatus.Collected, i.Status));
        var withFailures = run.Items.Where(i => i.Counts.NonCompliant > 0).ToList();
        Assert.NotEmpty(withFailures);
        Assert.All(withFailures, i => Assert.Equal(i.Counts.Total, i.Rows));
    }

    [Fact]
    public async Task RowsThatNoLongerMatchTheSummarysCountSendTheQueryToBeAskedAlone()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        var subscription = Tenant.Subscriptions[2];
        var definition = Tenant.StatesOf(subscription).First(s => s.ComplianceState == "NonCompliant" && s.PolicyDefinitionName != Tenant.Definitions[0]).PolicyDefinitionName;
        var changed = 0;

        // Between the summary and the non-compliant states, one more resource fails the definition.
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Throttle)
        {
            When = r =>
            {
                if (r.Filter?.StartsWith("ComplianceState", StringComparison.Ordinal) == true && Interlocked.Exchange(ref changed, 1) == 0)
                {
                    h.Server.AddStates(subscription, [new FakePolicyState(subscription, $"/subscriptions/{subscription}/resourcegroups/rg-late/providers/microsoft.storage/storageaccounts/late", "Microsoft.Storage/storageAccounts", "NonCompliant", AzureHarness.Evaluated) { PolicyDefinitionName = definition, PolicyAssignmentName = "late-assignment" }]);
                }

                return false;
            },
        });
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var tasks = BulkTasks.For(Tenant, [subscription]);

        var run = await h.RunSummarizedAsync(collector, tasks);

        var item = Assert.Single(run.Items, i => i.QueryKey == $"azure-policy/definition/{definition}");
        Assert.Equal(item.Counts.Total, item.Rows);
        Assert.Contains(h.Server.Requests, r => r.Filter == $"PolicyDefinitionName eq '{definition}'");
    }

    private static List<string> NonCompliant(EvidenceRun run, EvidenceItem item) =>
        item.Results is null
            ? []
            : [.. File.ReadLines(Path.Combine(run.Directory, item.Results.Path)).Where(l => l.Contains("\"NON_COMPLIANT\"", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}

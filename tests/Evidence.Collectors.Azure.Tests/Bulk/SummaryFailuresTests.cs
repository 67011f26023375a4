using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Collection;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.Bulk;

/// <summary>The summary plan fails as the per-query plan does: one scope's failure is that scope's items', rejected credentials stop everything.</summary>
public sealed class SummaryFailuresTests
{
    private static readonly FakeAzureTenant Tenant = new() { SubscriptionCount = 10, DefinitionCount = 3, MaxResources = 20 };
    private static readonly string[] Groups = ["corp", "online", "platform"];

    [Fact]
    public async Task AManagementGroupWithoutAccessFailsItsItemsAndTheOtherGroupsAreCollected()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        h.Server.Forbid("online");
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var tasks = Tenant.Definitions.SelectMany(d => Groups.Select(g => (d, g)))
            .Select((p, i) => new CollectionTask($"azure-{i + 1:D4}", Query(AzurePolicyTarget.Definition, p.d), AzureCloud.ManagementGroup(p.g)))
            .ToList();

        var run = await h.RunSummarizedAsync(collector, tasks);

        var online = run.Items.Where(i => i.Source.ManagementGroup == "online").ToList();
        Assert.Equal(3, online.Count);
        Assert.All(online, i => Assert.Equal(("AuthorizationFailed", ItemStatus.Failed), (i.Error?.Code, i.Status)));
        Assert.All(run.Items.Except(online), i => Assert.Equal(ItemStatus.Collected, i.Status));

        // A group's counts are those of every subscription beneath it.
        var corp = run.Items.Where(i => i.Source.ManagementGroup == "corp").Sum(i => i.Counts.Total);
        var members = Tenant.ManagementGroups["corp"].SelectMany(Tenant.StatesOf).Count();
        Assert.Equal(members, corp);
    }

    [Fact]
    public async Task ASubscriptionTheCredentialsCannotSeeFailsItsItemsOnly()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));
        var tasks = BulkTasks.For(Tenant, [Tenant.Subscriptions[0], OtherSubscription]);

        var run = await h.RunSummarizedAsync(collector, tasks);

        var unseen = run.Items.Where(i => i.Source.Subscription == OtherSubscription).ToList();
        Assert.NotEmpty(unseen);
        Assert.All(unseen, i => Assert.Equal("SubscriptionNotFound", i.Error?.Code));
        Assert.All(run.Items.Except(unseen), i => Assert.Equal(ItemStatus.Collected, i.Status));
    }

    [Fact]
    public async Task AThrottledSummaryWaitsAndIsAskedAgain()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Throttle) { Times = 2, When = r => r.Operation == "summarize" });
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));

        var run = await h.RunSummarizedAsync(collector, BulkTasks.For(Tenant, [Tenant.Subscriptions[0]]));

        Assert.All(run.Items, i => Assert.Equal(ItemStatus.Collected, i.Status));
        Assert.Equal(2, h.Progress.ThrottledCount);
    }

    [Fact]
    public async Task AScopeThrottledPastItsRetriesFailsItsItemsSayingSo()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        var throttled = Tenant.Subscriptions[1];
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Throttle) { When = r => r.Scope?.EndsWith(throttled, StringComparison.Ordinal) == true });
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));

        var run = await h.RunSummarizedAsync(collector, BulkTasks.For(Tenant, [Tenant.Subscriptions[0], throttled]));

        var failed = run.Items.Where(i => i.Status == ItemStatus.Failed).ToList();
        Assert.Equal(run.Items.Count / 2, failed.Count);
        Assert.All(failed, i => Assert.Equal(throttled, i.Source.Subscription));
        Assert.All(failed, i => Assert.Contains("still throttled after 5 retries", i.Error!.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectedCredentialsStopTheWholeCollection()
    {
        await using var h = await AzureHarness.StartAsync();
        Tenant.Deploy(h.Server);
        h.Server.TokenExpired = true;
        using var collector = new AzurePolicyCollector(h.Options(ByPolicyInsights));

        var stop = await Assert.ThrowsAsync<CollectionAbortedException>(() => h.RunSummarizedAsync(collector, BulkTasks.For(Tenant, [Tenant.Subscriptions[0]])));

        Assert.Contains("ExpiredAuthenticationToken", stop.Message, StringComparison.Ordinal);
    }
}

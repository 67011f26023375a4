using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests;

/// <summary>A query the service cannot answer is a failed item; the others are collected.</summary>
public sealed class FailuresTests
{
    [Fact]
    public async Task AThrottledRequestWaitsAsRetryAfterSaysThenSucceeds()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 3, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Throttle) { Times = 2, RetryAfterSeconds = 7 });
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(3, item.Rows);
        Assert.Equal([429, 429, 200], h.Server.Requests.Select(r => r.Status));
        Assert.Equal(2, h.Time.Waits.Count(w => w == TimeSpan.FromSeconds(7)));
        Assert.Equal((3, 2, 2), (h.Progress.Calls, h.Progress.ThrottledCount, h.Progress.RetriedCount));
        Assert.Single(item.Raw);
    }

    [Fact]
    public async Task AQueryThrottledForeverFailsAndTheRestAreCollected()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 3, Evaluated));
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, OtherDefinition, 4, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Throttle) { When = r => r.Filter?.Contains(Definition, StringComparison.Ordinal) == true });
        using var collector = new AzurePolicyCollector(h.Options(o => o with { MaxRetries = 3 }));

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001"), DefinitionTask("azure-0002", OtherDefinition)]);

        Assert.True(result.Complete);
        Assert.Equal((1, 1), (result.Collected, result.Failed));
        var failed = run.Items.Single(i => i.Id == "azure-0001");
        Assert.Equal(ItemStatus.Failed, failed.Status);
        Assert.Equal("TooManyRequests", failed.Error!.Code);
        Assert.Contains("still throttled after 3 retries", failed.Error.Message, StringComparison.Ordinal);
        Assert.Single(failed.Raw);
        Assert.Equal(4, run.Items.Single(i => i.Id == "azure-0002").Rows);
        Assert.Equal(4, h.Server.Requests.Count(r => r.Status == 429));
    }

    [Fact]
    public async Task ThrottlingPastTheServersRateIsAbsorbedByRetries()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.RequestsPerSecond = 4;
        h.Server.RetryAfterSeconds = 1;
        // Ten requests at once against a bucket of four: some are throttled, however slowly the machine runs.
        var definitions = Enumerable.Range(1, 10).Select(_ => Guid.CreateVersion7().ToString()).ToList();
        foreach (var definition in definitions)
        {
            h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, definition, 1, Evaluated));
        }

        // The instant clock skips the waits, so the real one has to pass for the server's bucket to refill.
        using var collector = new AzurePolicyCollector(h.Options(o => o with { MaxRetries = 10, TimeProvider = TimeProvider.System }));

        var (result, _) = await h.RunAsync(collector, definitions.Select((d, i) => DefinitionTask($"azure-{i + 1:D4}", d)).ToList());

        Assert.Equal(10, result.Collected);
        Assert.True(h.Progress.ThrottledCount > 0);
    }

    [Fact]
    public async Task AServerErrorIsRetriedAndTheQueryCollected()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.ServerError) { Times = 2 });
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal([500, 500, 200], h.Server.Requests.Select(r => r.Status));
        Assert.Equal(2, h.Time.Waits.Count);
        Assert.All(h.Time.Waits, w => Assert.InRange(w, TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AServerErrorThatLastsFailsTheQueryWithTheServicesCode()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.ServerError));
        using var collector = new AzurePolicyCollector(h.Options(o => o with { MaxRetries = 2 }));

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(new ItemError("InternalServerError", "Encountered an internal server error."), item.Error);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task MalformedJsonFailsTheQueryAndKeepsWhatCameForTheRecord()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.MalformedJson));
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("MalformedResponse", item.Error!.Code);
        Assert.StartsWith("page 1: the response is not valid JSON", item.Error.Message, StringComparison.Ordinal);
        Assert.Single(item.Raw);
        Assert.Null(item.Results);
    }

    [Fact]
    public async Task ABodyCutShortFailsTheQueryEvenAfterEarlierPagesArrived()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 30, Evaluated));
        h.Server.DefaultPageSize = 10;
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.TruncatedJson) { When = r => r.Offset == 10 });
        using var collector = new AzurePolicyCollector(h.Options(o => o with { PageSize = 10, MinPageSize = 5 }));

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("MalformedResponse", item.Error!.Code);
        Assert.StartsWith("page 2: ", item.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, item.Raw.Count);
        Assert.Equal(0, item.Rows);
    }

    [Fact]
    public async Task ANextLinkToAnotherHostIsNotFollowedWithTheToken()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 3, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.NextLinkElsewhere));
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal("MalformedResponse", item.Error!.Code);
        Assert.Equal($"page 1: '@odata.nextLink' leads away from https://127.0.0.1:{h.Server.Endpoint.Port}: https://management.example.invalid", item.Error.Message);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task AConnectionDroppedMidBodyIsRetriedThenFailsTheQuery()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 30, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.DropMidBody));
        using var collector = new AzurePolicyCollector(h.Options(o => o with { MaxRetries = 2 }));

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("ResponseIncomplete", item.Error!.Code);
        Assert.StartsWith("page 1: the connection closed before the whole response arrived", item.Error.Message, StringComparison.Ordinal);
        Assert.Equal(3, h.Server.Requests.Count);
        Assert.Equal(2, h.Progress.RetriedCount);
        Assert.Equal(h.Time.GetUtcNow(), item.CollectedAt);
    }

    [Fact]
    public async Task AConnectionDroppedOnceIsRetriedAndTheQueryCollected()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 4, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.DropConnection) { Times = 1 });
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(4, item.Rows);
    }

    [Fact]
    public async Task AccessDeniedAndAnUnknownSubscriptionAreFailedItemsWithTheServicesWords()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 4, Evaluated)).Forbid(Subscription);
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001"), DefinitionTask("azure-0002", subscription: OtherSubscription)]);

        Assert.True(result.Complete);
        var items = run.Items.OrderBy(i => i.Id).ToList();
        Assert.Equal("AuthorizationFailed", items[0].Error!.Code);
        Assert.Contains("Microsoft.PolicyInsights/policyStates/queryResults/read", items[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new ItemError("SubscriptionNotFound", $"The subscription '{OtherSubscription}' could not be found."), items[1].Error);
        Assert.All(items, i => Assert.Single(i.Raw));
        Assert.Equal(2, h.Progress.FailedTasks);
    }
}

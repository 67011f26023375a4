using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests;

/// <summary>
/// A last page exactly <c>$top</c> long, without a nextLink, is where the states end or where the service
/// stopped (OData's <c>$top</c> means "the first N"). The collector counts the states to tell which, asks
/// once more without <c>$top</c> when the answer was capped, and never passes a short answer off as complete.
/// </summary>
public sealed class LastFullPageTests
{
    [Fact]
    public async Task AFullLastPageIsConfirmedByACountAndTheCountIsKept()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2000, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.True(result.Complete);
        var item = Assert.Single(run.Items);
        Assert.Equal((ItemStatus.Collected, 2000), (item.Status, item.Rows));
        Assert.Equal(["raw/azure-0001-1.json", "raw/azure-0001-2.json", "raw/azure-0001-3.json"], item.Raw.Select(r => r.Path));
        var count = h.Server.Requests[^1];
        Assert.Equal((3, "aggregate($count as NumberOfRecords)"), (h.Server.Requests.Count, count.Apply));
        Assert.Equal($"PolicyDefinitionName eq '{Definition}'", count.Filter);
        Assert.Contains("\"NumberOfRecords\":2000", await File.ReadAllTextAsync(h.RunFile(run, "raw/azure-0001-3.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerCappedAtTopIsAskedForAgainInTheServicesOwnPages()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.TopCapsTotal = true;
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2500, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.True(result.Complete);
        var item = Assert.Single(run.Items);
        Assert.Equal((ItemStatus.Collected, 2500), (item.Status, item.Rows));
        Assert.Equal(5, item.Raw.Count);
        var requests = h.Server.Requests;
        Assert.Equal([true, false, false, false, false], requests.Select(r => r.TopInQuery));
        Assert.Equal("aggregate($count as NumberOfRecords)", requests[1].Apply);
        Assert.Equal([0, 0, 0, 1000, 2000], requests.Select(r => r.Offset));
        Assert.Equal(2500, File.ReadLines(h.RunFile(run, "results/azure-0001.jsonl")).Count());
    }

    [Fact]
    public async Task AnAnswerStillShortOfTheCountFailsTheItemWithWhatWasMissing()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.NextLinks = false;
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2500, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.Equal((1, 0), (result.Failed, result.Collected));
        var item = Assert.Single(run.Items);
        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("ResultsCapped", item.Error!.Code);
        Assert.Equal(
            "Policy Insights sent 1000 of the 2500 policy states the query matches, with and without $top: its pages ended, without an '@odata.nextLink', before the rest came",
            item.Error.Message);
        Assert.Equal(3, item.Raw.Count);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task ALastPageShorterThanTopNeedsNoCount()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 999, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (_, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.Equal(999, Assert.Single(run.Items).Rows);
        Assert.Null(Assert.Single(h.Server.Requests).Apply);
    }
}

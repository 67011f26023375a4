using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Store;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests;

/// <summary>
/// A last page exactly <c>$top</c> long, without a nextLink, is where the states end or where the service
/// stopped (OData's <c>$top</c> means "the first N"). The collector counts the states to tell which, and
/// never passes a capped answer off as complete.
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
    public async Task AnAnswerCappedAtTopFailsTheItemWithWhatWasMissing()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.TopCapsTotal = true;
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2500, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.Equal((1, 0), (result.Failed, result.Collected));
        var item = Assert.Single(run.Items);
        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("ResultsCapped", item.Error!.Code);
        Assert.Equal("Policy Insights sent 1000 of 2500 policy states: the last page held exactly $top=1000 and no '@odata.nextLink', so the rest never came", item.Error.Message);
        Assert.Equal(2, item.Raw.Count);
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

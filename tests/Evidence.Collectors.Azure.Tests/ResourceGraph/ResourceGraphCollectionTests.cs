using System.Text.Json;
using Azure.Core.Pipeline;
using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Replay;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests.ResourceGraph;

public sealed class ResourceGraphCollectionTests
{
    private const string UntaggedPhi =
        "resources | where type in~ ('microsoft.storage/storageaccounts') | where tags['data-classification'] =~ 'phi' and isempty(tags['tenant']) | project id, name, type, subscriptionId, tags";

    [Fact]
    public async Task EveryPageIsFetchedBySkipTokenKeptAsReceivedAndEachRowIsAViolation()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Graph.Add(Subscription, Accounts(Subscription, 5, tenant: null)).Add(Subscription, Accounts(Subscription, 2, tenant: "clinic-a", first: 100));
        using var collector = new AzurePolicyCollector(h.Options(o => o with { PageSize = 2, MinPageSize = 1 }));

        var (result, run) = await h.RunAsync(collector, [Task("azure-0001", UntaggedPhi)]);

        Assert.True(result.Complete);
        var item = Assert.Single(run.Items);
        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(["raw/azure-0001-1.json", "raw/azure-0001-2.json", "raw/azure-0001-3.json"], item.Raw.Select(r => r.Path));
        Assert.Equal(5, item.Rows);
        Assert.Equal(5, item.Counts.NonCompliant);
        var bodies = h.Server.Graph.Bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => Assert.Equal(Subscription, b.GetProperty("subscriptions")[0].GetString()));
        Assert.All(bodies, b => Assert.Equal("objectArray", b.GetProperty("options").GetProperty("resultFormat").GetString()));
        Assert.False(bodies[0].GetProperty("options").TryGetProperty("$skipToken", out _));
        Assert.True(bodies[1].GetProperty("options").TryGetProperty("$skipToken", out _));
        Assert.All(h.Server.Requests, r => Assert.Equal("/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01", r.PathAndQuery));

        var first = JsonDocument.Parse(File.ReadLines(h.RunFile(run, "results/azure-0001.jsonl")).First()).RootElement;
        Assert.Equal($"/subscriptions/{Subscription}/resourcegroups/rg-phi/providers/microsoft.storage/storageaccounts/stphi000001", first.GetProperty("resource_id").GetString());
        Assert.Equal("NON_COMPLIANT", first.GetProperty("compliance").GetString());
        Assert.Equal("""{"data-classification":"PHI"}""", first.GetProperty("annotation").GetString());
    }

    [Fact]
    public async Task ProofOfExistenceRowsAreCompliant()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Graph.Add(Subscription, Accounts(Subscription, 2, tenant: null));
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, Task("azure-0001", "resources | where type =~ 'microsoft.storage/storageaccounts'", RowAssertion.NoRows));

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(new ComplianceCounts(2, 0, 0, 0), item.Counts);
    }

    [Fact]
    public async Task ThrottlingIsWaitedOutAsRetryAfterSays()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Graph.Add(Subscription, Accounts(Subscription, 3, tenant: null));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.Throttle) { Times = 2, RetryAfterSeconds = 7 });
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, Task("azure-0001", UntaggedPhi));

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(3, item.Rows);
        Assert.Equal([429, 429, 200], h.Server.Requests.Select(r => r.Status));
        Assert.Equal((2, 2), (h.Progress.ThrottledCount, h.Progress.RetriedCount));
    }

    [Fact]
    public async Task AQueryTheServiceRejectsIsAFailedItemWithItsError()
    {
        await using var h = await AzureHarness.StartAsync();
        using var collector = new AzurePolicyCollector(h.Options());

        var item = await h.CollectAsync(collector, Task("azure-0001", "resources | summarize count() by tenant"));

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("BadRequest", item.Error!.Code);
        Assert.Contains("InvalidQuery", item.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsTruncatedWithoutASkipTokenFailRatherThanPassAsComplete()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Graph.Add(Subscription, Accounts(Subscription, 5, tenant: null));
        h.Server.Graph.SkipTokens = false;
        using var collector = new AzurePolicyCollector(h.Options(o => o with { PageSize = 2, MinPageSize = 1 }));

        var item = await h.CollectAsync(collector, Task("azure-0001", UntaggedPhi));

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("ResultsCapped", item.Error!.Code);
        Assert.Contains("2 rows of the 5", item.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagementGroupIsQueriedByName()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Graph.Add("acme-root", Accounts(OtherSubscription, 1, tenant: null));
        using var collector = new AzurePolicyCollector(h.Options());
        var task = Task("azure-0001", UntaggedPhi) with { Source = AzureCloud.ManagementGroup("/providers/Microsoft.Management/managementGroups/acme-root") };

        var item = await h.CollectAsync(collector, task);

        Assert.Equal(1, item.Rows);
        var body = JsonDocument.Parse(Assert.Single(h.Server.Graph.Bodies)).RootElement;
        Assert.Equal("acme-root", body.GetProperty("managementGroups")[0].GetString());
    }

    [Fact]
    public async Task ARecordedCollectionReplaysOfflineToTheSameEvidence()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.Graph.Add(Subscription, Accounts(Subscription, 3, tenant: null));
        using var recordings = new TempDirectory();
        var store = RecordingStore.Create(recordings.Path, Start);
        EvidenceItem recorded;
        using (var recording = new RecordingHandler(store, h.Server.CreateHandler()))
        using (var transport = new HttpClientTransport(new HttpClient(recording, disposeHandler: false)))
        using (var collector = new AzurePolicyCollector(h.Options(o => o with { Transport = transport, PageSize = 2, MinPageSize = 1 })))
        {
            recorded = await h.CollectAsync(collector, Task("azure-0001", UntaggedPhi));
        }

        store.Save();
        await h.Server.DisposeAsync();

        using var replay = new ReplayHandler(RecordingStore.Open(recordings.Path), Start);
        using var offline = new HttpClientTransport(new HttpClient(replay, disposeHandler: false));
        using var replaying = new AzurePolicyCollector(h.Options(o => o with { Transport = offline, PageSize = 2, MinPageSize = 1 }));
        var writer = EvidenceRunWriter.Start(h.Workspace.Path, Start.AddHours(1), "test-system", "evidence-tests");
        var replayed = await replaying.CollectAsync(Task("azure-0001", UntaggedPhi), writer, h.Progress, TestContext.Current.CancellationToken);

        Assert.Equal(ItemStatus.Collected, replayed.Status);
        Assert.Equal((3, 2), (recorded.Rows, recorded.Raw.Count));
        Assert.Equal(recorded.Raw.Select(r => r.Sha256), replayed.Raw.Select(r => r.Sha256));
        Assert.Equal(recorded.Counts, replayed.Counts);
    }

    [Fact]
    public void ADryRunDescribesTheCall()
    {
        using var collector = new AzurePolicyCollector(new AzurePolicyCollectorOptions { Endpoint = Evidence.Collectors.Azure.ResourceManager.ResourceManagerEndpoint.AzureCloud });

        var described = Assert.Single(collector.Describe(Task("azure-0001", UntaggedPhi)));

        Assert.StartsWith($"POST https://management.azure.com/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01 {{\"subscriptions\":[\"{Subscription}\"]", described, StringComparison.Ordinal);
        Assert.Contains("\"$top\":1000", described, StringComparison.Ordinal);
        Assert.Contains(UntaggedPhi, described, StringComparison.Ordinal);
    }

    private static CollectionTask Task(string itemId, string query, RowAssertion failWhen = RowAssertion.AnyRow) =>
        new(itemId, new AzureResourceGraphQuery("phi-stores-without-tenant", "PHI stores without a tenant tag", query)
        {
            FailWhen = failWhen, Location = SourceLocation.OfFile("evidence.yaml"),
        }, AzureCloud.Subscription(Subscription));

    private static IEnumerable<FakeGraphResource> Accounts(string subscription, int count, string? tenant, int first = 1) =>
        Enumerable.Range(first, count).Select(n =>
        {
            var name = $"stphi{n:D6}";
            var tags = new Dictionary<string, string> { ["data-classification"] = "PHI" };
            if (tenant is not null)
            {
                tags["tenant"] = tenant;
            }

            return new FakeGraphResource($"/subscriptions/{subscription}/resourceGroups/rg-phi/providers/Microsoft.Storage/storageAccounts/{name}", name, "Microsoft.Storage/storageAccounts", subscription)
            {
                ResourceGroup = "rg-phi", Tags = tags,
            };
        });
}

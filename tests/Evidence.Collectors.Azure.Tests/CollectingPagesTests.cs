using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests;

public sealed class CollectingPagesTests
{
    [Fact]
    public async Task EveryPageIsFetchedKeptAsReceivedAndParsedIntoRows()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2500, Evaluated));
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, OtherDefinition, 3, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.True(result.Complete);
        var item = Assert.Single(run.Items);
        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(["raw/azure-0001-1.json", "raw/azure-0001-2.json", "raw/azure-0001-3.json"], item.Raw.Select(r => r.Path));
        Assert.Equal(2500, item.Rows);
        Assert.Equal(new ComplianceCounts(1948, 357, 195, 0), item.Counts);
        Assert.Equal(Evaluated, item.EvaluatedAt);
        Assert.Equal((3, 2500), (h.Progress.Pages, h.Progress.Rows));

        var requests = h.Server.Requests;
        Assert.Equal([0, 1000, 2000], requests.Select(r => r.Offset));
        Assert.All(requests, r => Assert.Equal("Bearer " + FakeAzureServer.DefaultAccessToken, r.Authorization));
        Assert.Contains("$top=1000", requests[0].PathAndQuery, StringComparison.Ordinal);
        Assert.Equal($"PolicyDefinitionName eq '{Definition}'", requests[0].Filter);
        Assert.Contains("skipToken=", requests[1].PathAndQuery, StringComparison.Ordinal);

        var firstRow = File.ReadLines(h.RunFile(run, "results/azure-0001.jsonl")).First();
        Assert.Equal(
            $$"""{"resource_type":"Microsoft.Storage/storageAccounts","resource_id":"/subscriptions/{{Subscription}}/resourcegroups/rg-fake/providers/microsoft.storage/storageaccounts/stfake000001","subscription":"{{Subscription}}","compliance":"COMPLIANT","evaluated_at":"2026-11-20T02:00:00Z"}""",
            firstRow);
    }

    [Fact]
    public async Task APageIsKeptByteForByteAndDatedAsTheServerDatedIt()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 5, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (_, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        var bytes = await File.ReadAllBytesAsync(h.RunFile(run, "raw/azure-0001-1.json"), TestContext.Current.CancellationToken);
        var item = Assert.Single(run.Items);
        var raw = Assert.Single(item.Raw);
        Assert.InRange(item.CollectedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(bytes.Length, raw.Bytes);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), raw.Sha256);
        Assert.StartsWith("{\"@odata.context\":", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManagementGroupIsQueriedAtItsOwnScope()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates("acme-root", FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        h.Server.AddStates("acme-root", FakePolicyState.StorageAccounts(OtherSubscription, Definition, 3, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());
        var task = DefinitionTask("azure-0001") with { Source = AzureCloud.ManagementGroup("/providers/Microsoft.Management/managementGroups/acme-root") };

        var (_, run) = await h.RunAsync(collector, [task]);

        var item = Assert.Single(run.Items);
        Assert.Equal(5, item.Rows);
        Assert.Equal("/providers/Microsoft.Management/managementGroups/acme-root", Assert.Single(h.Server.Requests).Scope);
        var subscriptions = File.ReadLines(h.RunFile(run, "results/azure-0001.jsonl")).Select(l => l.Contains(OtherSubscription, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, subscriptions.Count(s => s));
    }

    [Fact]
    public async Task ASetDefinitionGroupAndAnAssignmentAreFilteredForByName()
    {
        await using var h = await AzureHarness.StartAsync();
        var states = FakePolicyState.StorageAccounts(Subscription, Definition, 6, Evaluated)
            .Select((s, i) => s with
            {
                PolicySetDefinitionName = "a169a624-5599-4385-a696-c8d643089fab",
                PolicyDefinitionGroupNames = i < 4 ? ["hipaa-0805.01m1Organizational.12-01.m"] : ["other"],
                PolicyAssignmentName = i < 2 ? "O'Brien's assignment" : "fake-assignment",
            });
        h.Server.AddStates(Subscription, states);
        using var collector = new AzurePolicyCollector(h.Options());
        var group = new CollectionTask("azure-0001",
            Query(AzurePolicyTarget.SetDefinition, "/providers/Microsoft.Authorization/policySetDefinitions/a169a624-5599-4385-a696-c8d643089fab", "hipaa-0805.01m1Organizational.12-01.m"),
            AzureCloud.Subscription(Subscription));
        var assignment = new CollectionTask("azure-0002",
            Query(AzurePolicyTarget.Assignment, $"/subscriptions/{Subscription}/providers/Microsoft.Authorization/policyAssignments/O'Brien's assignment"),
            AzureCloud.Subscription(Subscription));

        var (_, run) = await h.RunAsync(collector, [group, assignment]);

        Assert.Equal([4, 2], run.Items.OrderBy(i => i.Id).Select(i => i.Rows));
        Assert.Contains(h.Server.Requests, r => r.Filter == "PolicySetDefinitionName eq 'a169a624-5599-4385-a696-c8d643089fab' and 'hipaa-0805.01m1Organizational.12-01.m' IN PolicyDefinitionGroupNames");
        Assert.Contains(h.Server.Requests, r => r.Filter == "PolicyAssignmentName eq 'O''Brien''s assignment'");
    }

    [Fact]
    public async Task ResponseTooLargeHalvesThePageUntilItFitsAndLaterPagesStaySmall()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.MaxPageSize = 300;
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 600, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options());

        var (_, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        var item = Assert.Single(run.Items);
        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal(600, item.Rows);
        Assert.Equal([1000, 500, 250, 250, 250], h.Server.Requests.Select(r => r.Top ?? 0));
        Assert.Equal([400, 400, 200, 200, 200], h.Server.Requests.Select(r => r.Status));
        Assert.Equal(5, item.Raw.Count);
    }

    [Fact]
    public async Task APageStillTooLargeAtTheSmallestSizeFailsTheQuery()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.MaxPageSize = 10;
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 30, Evaluated));
        using var collector = new AzurePolicyCollector(h.Options(o => o with { PageSize = 100, MinPageSize = 25 }));

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal(ItemStatus.Failed, item.Status);
        Assert.Equal("ResponseTooLarge", item.Error!.Code);
        Assert.Equal([100, 50, 25], h.Server.Requests.Select(r => r.Top ?? 0));
    }

    [Fact]
    public async Task ATokenAndAnEndpointFromTheEnvironmentAreUsedWhenNoneIsGiven()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AccessToken = "token-from-az-account-get-access-token";
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        var environment = new Dictionary<string, string>
        {
            ["EVIDENCE_AZURE_ACCESS_TOKEN"] = "token-from-az-account-get-access-token",
            ["EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT"] = h.Server.Endpoint.AbsoluteUri,
        };
        using var collector = new AzurePolicyCollector(h.Options(o => o with { Credential = null, Endpoint = null, Environment = environment.GetValueOrDefault }));

        var item = await h.CollectAsync(collector, DefinitionTask("azure-0001") with { Boundary = new Boundary(null, [new AzureBoundary("AzureUSGovernment", [], [])]) });

        Assert.Equal(ItemStatus.Collected, item.Status);
        Assert.Equal("Bearer token-from-az-account-get-access-token", Assert.Single(h.Server.Requests).Authorization);
    }

    [Fact]
    public async Task TheCredentialIsAskedForTheEndpointsResourceManagerScope()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 1, Evaluated));
        var credential = new FixedTokenCredential(h.Server.AccessToken);
        using var collector = new AzurePolicyCollector(h.Options(o => o with { Credential = credential }));

        await h.CollectAsync(collector, DefinitionTask("azure-0001"));

        Assert.Equal([$"https://127.0.0.1:{h.Server.Endpoint.Port}/.default"], credential.Scopes);
    }

    [Fact]
    public async Task ManyQueriesRunConcurrentlyAndAllAreCollected()
    {
        await using var h = await AzureHarness.StartAsync();
        var definitions = Enumerable.Range(1, 24).Select(i => Guid.CreateVersion7().ToString()).ToList();
        foreach (var definition in definitions)
        {
            h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, definition, 120, Evaluated));
        }

        h.Server.DefaultPageSize = 50;
        using var collector = new AzurePolicyCollector(h.Options(o => o with { PageSize = 50, MinPageSize = 10 }));
        var tasks = definitions.Select((d, i) => DefinitionTask($"azure-{i + 1:D4}", d)).ToList();

        var (result, run) = await h.RunAsync(collector, tasks);

        Assert.True(result.Complete);
        Assert.Equal(24, result.Collected);
        Assert.All(run.Items, i => Assert.Equal(120, i.Rows));
        Assert.Equal(24 * 3, h.Server.Requests.Count);
    }

    [Fact]
    public void DryRunDescribesThePostWithItsFilter()
    {
        using var collector = new AzurePolicyCollector(new AzurePolicyCollectorOptions { Environment = _ => null });
        var task = DefinitionTask("azure-0001") with { Boundary = new Boundary(null, [new AzureBoundary("AzureChinaCloud", [], [])]) };

        var lines = collector.Describe(task).ToList();

        Assert.Equal(
            [$"POST https://management.chinacloudapi.cn/subscriptions/{Subscription}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&$top=1000&$filter=PolicyDefinitionName eq '{Definition}'"],
            lines);
        Assert.True(collector.CanCollect(task.Query));
    }

    [Fact]
    public void AnEndpointThatIsNotHttpsStopsTheCollection()
    {
        using var collector = new AzurePolicyCollector(new AzurePolicyCollectorOptions
        {
            Environment = name => name == ResourceManagerEndpoint.EnvironmentVariable ? "http://127.0.0.1:8080" : null,
        });

        var e = Assert.Throws<CollectionAbortedException>(() => collector.Describe(DefinitionTask("azure-0001")).ToList());

        Assert.Contains("EVIDENCE_AZURE_RESOURCE_MANAGER_ENDPOINT is 'http://127.0.0.1:8080'", e.Message, StringComparison.Ordinal);
    }
}

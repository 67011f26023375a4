using Azure.Identity;
using Evidence.Collectors.Azure.Tests.Support;
using Evidence.Core.Collection;
using Evidence.Core.Store;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Testing.Fakes.Azure;
using static Evidence.Collectors.Azure.Tests.Support.AzureHarness;

namespace Evidence.Collectors.Azure.Tests;

/// <summary>What dooms every task stops the run once, with one clear message, and leaves it incomplete with what it got.</summary>
public sealed class StoppingTests
{
    [Fact]
    public async Task ExpiredCredentialsStopTheRunWithOneMessage()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        h.Server.TokenExpired = true;
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001"), DefinitionTask("azure-0002", OtherDefinition)]);

        Assert.False(result.Complete);
        Assert.Equal(
            "Azure Resource Manager rejected the credentials (ExpiredAuthenticationToken: The access token expiry UTC time is earlier than current UTC time.); " +
            "refresh them (for example 'aws sso login' or 'az login') and collect again",
            result.AbortReason);
        Assert.Equal(RunState.Incomplete, run.State);
        Assert.Empty(run.Items);
        Assert.All(h.Server.Requests, r => Assert.Equal(401, r.Status));
    }

    [Fact]
    public async Task CredentialsThatExpireMidRunKeepWhatWasCollectedBefore()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 2, Evaluated));
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, OtherDefinition, 2, Evaluated));
        h.Server.Inject(new FakeAzureFault(FakeAzureFaultKind.ExpiredToken) { When = r => r.Number > 1 });
        using var collector = new AzurePolicyCollector(h.Options());

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001"), DefinitionTask("azure-0002", OtherDefinition)], maxConcurrency: 1);

        Assert.False(result.Complete);
        Assert.Equal(["azure-0002"], result.NotReached);
        Assert.Equal(RunState.Incomplete, run.State);
        Assert.Equal(ItemStatus.Collected, Assert.Single(run.Items).Status);
    }

    [Fact]
    public async Task NoCredentialsAtAllStopTheRunSayingHowToProvideThem()
    {
        await using var h = await AzureHarness.StartAsync();
        var none = new FixedTokenCredential(string.Empty, new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token from the included credentials.\nEnvironmentCredential authentication unavailable."));
        using var collector = new AzurePolicyCollector(h.Options(o => o with { Credential = none }));

        var (result, run) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.False(result.Complete);
        Assert.StartsWith("no Azure credentials: run 'az login'", result.AbortReason, StringComparison.Ordinal);
        Assert.Contains("EVIDENCE_AZURE_ACCESS_TOKEN", result.AbortReason, StringComparison.Ordinal);
        Assert.Contains("--offline", result.AbortReason, StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
        Assert.Equal(RunState.Incomplete, run.State);
    }

    [Fact]
    public async Task PreparingWithoutCredentialsFailsBeforeAnyRequest()
    {
        await using var h = await AzureHarness.StartAsync();
        var none = new FixedTokenCredential(string.Empty, new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token from the included credentials."));
        using var collector = new AzurePolicyCollector(h.Options(o => o with { Credential = none }));

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(() =>
            collector.PrepareAsync([DefinitionTask("azure-0001")], TestContext.Current.CancellationToken));

        Assert.StartsWith("no Azure credentials: run 'az login'", e.Message, StringComparison.Ordinal);
        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task PreparingWithATokenSucceedsWithoutARequest()
    {
        await using var h = await AzureHarness.StartAsync();
        using var collector = new AzurePolicyCollector(h.Options());

        await collector.PrepareAsync([DefinitionTask("azure-0001")], TestContext.Current.CancellationToken);

        Assert.Empty(h.Server.Requests);
    }

    [Fact]
    public async Task TheTokenAskedForBeforeTheRunIsTheOneTheRequestsCarry()
    {
        await using var h = await AzureHarness.StartAsync();
        h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, Definition, 3, Evaluated));
        var credential = new FixedTokenCredential(FakeAzureServer.DefaultAccessToken);
        using var collector = new AzurePolicyCollector(h.Options(o => o with { Credential = credential }));

        await collector.PrepareAsync([DefinitionTask("azure-0001")], TestContext.Current.CancellationToken);
        var (result, _) = await h.RunAsync(collector, [DefinitionTask("azure-0001")]);

        Assert.True(result.Complete);
        Assert.Equal(1, credential.Requests);
    }

    [Fact]
    public async Task AConnectionKilledMidRunLeavesAnIncompleteRunWithTheItemsFetchedSoFar()
    {
        await using var h = await AzureHarness.StartAsync();
        var definitions = new[] { Definition, OtherDefinition, "0015ea4d-51ff-4ce3-8d8c-f3f8f0179a56", "013e242c-8828-4970-87b3-ab247555486d" };
        foreach (var definition in definitions)
        {
            h.Server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, definition, 3, Evaluated));
        }

        h.Server.KillAfter(2);
        using var collector = new AzurePolicyCollector(h.Options(o => o with { MaxRetries = 2 }));
        var tasks = definitions.Select((d, i) => DefinitionTask($"azure-{i + 1:D4}", d)).ToList();

        var (result, run) = await h.RunAsync(collector, tasks, maxConcurrency: 1);

        Assert.False(result.Complete);
        Assert.StartsWith($"cannot reach Azure Resource Manager at https://127.0.0.1:{h.Server.Endpoint.Port} (", result.AbortReason, StringComparison.Ordinal);
        Assert.Equal(RunState.Incomplete, run.State);
        Assert.Null(run.CompletedAt);
        Assert.Equal(["azure-0001", "azure-0002"], run.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(run.Items, i => Assert.Equal(3, i.Rows));
        Assert.Equal(["azure-0003", "azure-0004"], result.NotReached);
    }

    [Fact]
    public async Task AnEndpointThatFailsTheTlsHandshakeStopsTheRunOnceInsteadOfRetryingEveryTask()
    {
        await using var h = await AzureHarness.StartAsync();

        // A plain-HTTP server where TLS is expected: the handshake fails, as behind a TLS-inspecting proxy.
        await using var plain = await Testing.Fakes.Aws.FakeAwsConfigServer.StartAsync();
        var endpoint = new Uri($"https://127.0.0.1:{plain.Endpoint.Port}/");
        using var collector = new AzurePolicyCollector(h.Options(o => o with { Endpoint = new ResourceManagerEndpoint(endpoint, null), MaxRetries = 1 }));
        var tasks = Enumerable.Range(1, 4).Select(i => DefinitionTask($"azure-{i:D4}")).ToList();

        var (result, run) = await h.RunAsync(collector, tasks, maxConcurrency: 1);

        Assert.False(result.Complete);
        Assert.StartsWith($"cannot reach Azure Resource Manager at https://127.0.0.1:{plain.Endpoint.Port} (the TLS handshake failed: ", result.AbortReason, StringComparison.Ordinal);
        Assert.Equal(RunState.Incomplete, run.State);
        Assert.Empty(run.Items);
        Assert.Equal(4, result.NotReached.Count);
    }

    [Theory]
    [InlineData(HttpRequestError.ProxyTunnelError, "the proxy refused the connection: proxy said 407")]
    [InlineData(HttpRequestError.NameResolutionError, "name or service not known")]
    [InlineData(HttpRequestError.ConnectionError, "connection refused")]
    [InlineData(HttpRequestError.SecureConnectionError, "the TLS handshake failed: the remote certificate is invalid")]
    public void EveryWayOfNotReachingTheEndpointIsRecognisedAndAResetIsNot(HttpRequestError error, string reason)
    {
        var message = error switch
        {
            HttpRequestError.ProxyTunnelError => "proxy said 407",
            HttpRequestError.NameResolutionError => "name or service not known",
            _ => "connection refused",
        };
        Exception? tls = error == HttpRequestError.SecureConnectionError ? new System.Security.Authentication.AuthenticationException("the remote certificate is invalid") : null;
        var failure = new global::Azure.RequestFailedException(0, "transport failed", new HttpRequestException(error, message, tls));

        Assert.Equal(reason, EndpointUnreachable.Reason(failure));
        Assert.Null(EndpointUnreachable.Reason(new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely")));
        Assert.Null(EndpointUnreachable.Reason(new IOException("connection reset by peer")));
    }
}

using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;
using Evidence.Collectors.Azure;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Testing.Fakes.Azure;

namespace Evidence.Benchmarks.Collect;

/// <summary>
/// One Azure subscription with <c>--azure-definitions</c> policy definitions, each with 1 to 250
/// resource states (1 to 3 pages of 100, so the run measures the limits rather than parsing), on the
/// loopback fake Resource Manager, and the collector options that reach it. The collector's limiter is per subscription, so the fake's one bucket is the
/// limit it has to find.
/// </summary>
internal sealed class SyntheticSubscription : IDisposable
{
    public const string Subscription = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public const int PageSize = 100;

    private static readonly DateTimeOffset Evaluated = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly HttpClientTransport transport;

    private SyntheticSubscription(FakeAzureServer server, IReadOnlyList<CollectionTask> tasks, int pages, int rows)
    {
        Rows = rows;
        Server = server;
        Tasks = tasks;
        Pages = pages;
        transport = new HttpClientTransport(server.CreateHandler());
    }

    public FakeAzureServer Server { get; }

    public IReadOnlyList<CollectionTask> Tasks { get; }

    /// <summary>Pages of policy states the fake serves at the collector's page size: the calls needed.</summary>
    public int Pages { get; }

    /// <summary>Policy states the fake holds: every one must end up in a results file.</summary>
    public int Rows { get; }

    public AzurePolicyCollectorOptions Options => new()
    {
        Credential = new FixedToken(Server.AccessToken),
        Transport = transport,
        Environment = _ => null,
        Endpoint = new ResourceManagerEndpoint(Server.Endpoint, null),
        PageSize = PageSize,
    };

    public static SyntheticSubscription Deploy(FakeAzureServer server, BenchmarkSettings settings)
    {
        server.RequestsPerSecond = settings.AzureRate;
        var tasks = new List<CollectionTask>();
        int pages = 0, rows = 0;
        for (var d = 1; d <= settings.AzureDefinitions; d++)
        {
            var definition = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{d:D12}");
            var states = 1 + ((d * 97) % 250);
            server.AddStates(Subscription, FakePolicyState.StorageAccounts(Subscription, definition, states, Evaluated));
            pages += (states + PageSize - 1) / PageSize;
            rows += states;
            var query = new AzurePolicyQuery(AzurePolicyTarget.Definition, $"/providers/Microsoft.Authorization/policyDefinitions/{definition}")
            {
                Location = SourceLocation.OfFile("controls.yaml"),
            };
            tasks.Add(new CollectionTask($"azure-{d:D4}", query, AzureCloud.Subscription(Subscription)));
        }

        return new SyntheticSubscription(server, tasks, pages, rows);
    }

    public void Dispose() => transport.Dispose();

    /// <summary>The bearer token the fake accepts, as a credential.</summary>
    private sealed class FixedToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

using Azure.Core.Pipeline;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Testing;
using Evidence.Testing.Fakes.Azure;

namespace Evidence.Collectors.Azure.Tests.Support;

/// <summary>
/// A fake Azure server, a transport that trusts its certificate, a clock whose waits end at once and a
/// workspace folder: what a test needs to collect from the server into a real evidence run.
/// </summary>
public sealed class AzureHarness : IAsyncDisposable
{
    public const string Subscription = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public const string OtherSubscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
    public const string Definition = "60d21c4f-21a3-4d94-85f4-b924e6aeeda4";
    public const string OtherDefinition = "ea4d6841-2173-4317-9747-ff522a45120f";

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Evaluated = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly HttpClientTransport _transport;

    private AzureHarness(FakeAzureServer server)
    {
        Server = server;
        _transport = new HttpClientTransport(server.CreateHandler());
    }

    public FakeAzureServer Server { get; }

    public InstantTimeProvider Time { get; } = new(Start);

    public CountingProgress Progress { get; } = new();

    public TempDirectory Workspace { get; } = new();

    public static async Task<AzureHarness> StartAsync() => new(await FakeAzureServer.StartAsync());

    /// <summary>Options pointing at the fake server with a credential it accepts; <paramref name="change"/> adjusts them.</summary>
    public AzurePolicyCollectorOptions Options(Func<AzurePolicyCollectorOptions, AzurePolicyCollectorOptions>? change = null)
    {
        var options = new AzurePolicyCollectorOptions
        {
            Credential = new FixedTokenCredential(Server.AccessToken),
            Transport = _transport,
            TimeProvider = Time,
            Environment = _ => null,
            Endpoint = new ResourceManagerEndpoint(Server.Endpoint, null),
        };
        return change is null ? options : change(options);
    }

    /// <summary>Keeps the bulk plan on Policy Insights, however many subscriptions there are.</summary>
    public static AzurePolicyCollectorOptions ByPolicyInsights(AzurePolicyCollectorOptions options) => options with { BulkSource = AzureBulkSource.PolicyInsights };

    /// <summary>Sends the bulk plan to Resource Graph, however few subscriptions there are.</summary>
    public static AzurePolicyCollectorOptions ByResourceGraph(AzurePolicyCollectorOptions options) => options with { BulkSource = AzureBulkSource.ResourceGraph };

    public static CollectionTask DefinitionTask(string itemId, string definition = Definition, string subscription = Subscription) =>
        new(itemId, Query(AzurePolicyTarget.Definition, $"/providers/Microsoft.Authorization/policyDefinitions/{definition}"), AzureCloud.Subscription(subscription));

    public static AzurePolicyQuery Query(AzurePolicyTarget target, string id, string? group = null) =>
        new(target, id) { Group = group, Location = SourceLocation.OfFile("evidence.yaml") };

    /// <summary>Runs <paramref name="tasks"/> through the real runner and writer, and reads the run back from disk.</summary>
    public async Task<(CollectionResult Result, EvidenceRun Run)> RunAsync(AzurePolicyCollector collector, IReadOnlyList<CollectionTask> tasks, int maxConcurrency = 16)
    {
        var writer = EvidenceRunWriter.Start(Workspace.Path, Start, "test-system", "evidence-tests");
        var runner = new CollectionRunner([collector], Time, maxConcurrency);
        var result = await runner.RunAsync(tasks, writer, Progress, TestContext.Current.CancellationToken);
        var diagnostics = new DiagnosticBag();
        var run = EvidenceStoreReader.ReadRuns(Workspace.Path, string.Empty, diagnostics).Single();
        Assert.False(diagnostics.HasErrors, string.Join(Environment.NewLine, diagnostics.Sorted()));
        return (result, run);
    }

    /// <summary>Runs <paramref name="tasks"/> by the summary plan into a run of its own (a second folder), completes it and reads it back.</summary>
    public async Task<EvidenceRun> RunSummarizedAsync(AzurePolicyCollector collector, IReadOnlyList<CollectionTask> tasks, string folder = "summarized")
    {
        var root = System.IO.Path.Combine(Workspace.Path, folder);
        var writer = EvidenceRunWriter.Start(root, Start, "test-system", "evidence-tests");
        await foreach (var item in collector.CollectAllAsync(tasks, DetailLevel.NonCompliant, writer, Progress, TestContext.Current.CancellationToken))
        {
            writer.Add(item);
        }

        writer.Complete(Start);
        var diagnostics = new DiagnosticBag();
        var run = EvidenceStoreReader.ReadRuns(root, string.Empty, diagnostics).Single();
        Assert.False(diagnostics.HasErrors, string.Join(Environment.NewLine, diagnostics.Sorted()));
        return run;
    }

    /// <summary>Collects one task straight through the collector, without the runner.</summary>
    public async Task<EvidenceItem> CollectAsync(AzurePolicyCollector collector, CollectionTask task)
    {
        var writer = EvidenceRunWriter.Start(Workspace.Path, Start, "test-system", "evidence-tests");
        return await collector.CollectAsync(task, writer, Progress, TestContext.Current.CancellationToken);
    }

    public string RunFile(EvidenceRun run, string relative) => Path.Combine(run.Directory, relative);

    public async ValueTask DisposeAsync()
    {
        _transport.Dispose();
        await Server.DisposeAsync();
        Workspace.Dispose();
    }
}

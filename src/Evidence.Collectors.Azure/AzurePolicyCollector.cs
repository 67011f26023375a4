using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Evidence.Collectors.Azure.Bulk;
using Evidence.Collectors.Azure.Bulk.Graph;
using Evidence.Collectors.Azure.Credentials;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceGraph;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Collectors.Azure;

/// <summary>
/// Collects <c>azure-policy</c> evidence: the latest Azure Policy states of a definition, set definition
/// (and group) or assignment in one subscription or management group, every page of them, from Policy
/// Insights; and <c>azure-resource-graph</c> evidence: every page of a Resource Graph query over one
/// subscription or management group. Both share the credential, retries and rate limits. Each response
/// is kept exactly as received; its states or rows become result rows. A query the
/// service cannot answer becomes a failed item; rejected credentials, no credentials at all and an
/// unreachable Resource Manager stop the collection.
/// </summary>
public sealed class AzurePolicyCollector : IBulkEvidenceCollector, IDisposable
{
    /// <summary>The service name progress is reported under.</summary>
    public static readonly string ServiceName = Definitions.AzureCloud.Instance.Name;

    private readonly AzurePolicyCollectorOptions _options;
    private readonly RateLimiterPool _limiters;
    private readonly ConcurrentDictionary<ResourceManagerEndpoint, Lazy<PolicyInsightsClient>> _clients = new();

    public AzurePolicyCollector(AzurePolicyCollectorOptions? options = null)
    {
        _options = options ?? new AzurePolicyCollectorOptions();
        if (_options.MinPageSize < 1 || _options.PageSize < _options.MinPageSize || _options.MaxRetries < 0)
        {
            throw new ArgumentException("PageSize must be at least MinPageSize, MinPageSize at least 1 and MaxRetries not negative", nameof(options));
        }

        _options.RateLimit.Validate();
        _limiters = new RateLimiterPool(_options.RateLimit, _options.TimeProvider);
    }

    /// <inheritdoc />
    public string Service => ServiceName;

    /// <inheritdoc />
    public bool CanCollect(EvidenceQuery query) => query is AzurePolicyQuery or AzureResourceGraphQuery;

    /// <inheritdoc />
    public IEnumerable<string> Describe(CollectionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Query is AzureResourceGraphQuery
            ? [ResourceGraphRequest.For(task).Describe(EndpointFor(task), GraphPageSize)]
            : [PolicyStatesRequest.For(task).Describe(EndpointFor(task), _options.PageSize)];
    }

    /// <summary>Gets a token for each Resource Manager endpoint the tasks use, so that missing or refused credentials stop the collection before a run is written.</summary>
    public async Task PrepareAsync(IReadOnlyList<CollectionTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var endpoint in tasks.Select(EndpointFor).Distinct())
        {
            await ClientFor(endpoint).CheckCredentialAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<EvidenceItem> CollectAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(progress);
        if (task.Query is AzureResourceGraphQuery graph)
        {
            return await CollectGraphAsync(task, graph, writer, progress, cancellationToken).ConfigureAwait(false);
        }

        var request = PolicyStatesRequest.For(task);
        var client = ClientFor(EndpointFor(task));
        var limiter = _limiters.For(client.Endpoint.BaseUri.Host + request.ThrottlingScope);
        var item = new ItemInProgress(task, writer, _options.TimeProvider);
        try
        {
            return await new PolicyStatesPaging(client, request, limiter, item, progress, _options).RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseLostException e)
        {
            return item.Failed("ResponseIncomplete", $"page {item.Pages + 1}: {e.Message}");
        }
    }

    /// <inheritdoc />
    /// <remarks>Only at <see cref="DetailLevel.NonCompliant"/>: full detail is the per-query plan, which the runner runs task by task.</remarks>
    public bool AnswersInBulk(Boundary boundary, DetailLevel detail)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        return detail == DetailLevel.NonCompliant && boundary.Azure is not null;
    }

    /// <inheritdoc />
    public CallEstimate Estimate(IEnumerable<CollectionTask> tasks, DetailLevel detail, EstimateBasis basis) =>
        AzureEstimate.Of(tasks, detail, basis, _options.RateLimit.InitialRate, _options.RateLimit.Burst, _options.PageSize, _options.BulkSource);

    /// <summary>
    /// Collects <paramref name="tasks"/> by the summary plan (<see cref="SummaryPlan"/>): per subscription or management
    /// group one summary, then the non-compliant states only, many queries to a request; or, when it asks fewer calls,
    /// by the graph plan (<see cref="GraphPlan"/>): the same counts and states from Resource Graph for up to 1,000
    /// subscriptions a request; at <see cref="DetailLevel.All"/>
    /// every task alone, as <see cref="CollectAsync"/> does. Items come as they are made.
    /// </summary>
    public async IAsyncEnumerable<EvidenceItem> CollectAllAsync(
        IEnumerable<CollectionTask> tasks, DetailLevel detail, EvidenceRunWriter writer, ICollectionProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(progress);
        if (detail == DetailLevel.Auto)
        {
            throw new ArgumentException("the runner resolves --detail auto through Estimate before collecting", nameof(detail));
        }

        var items = Channel.CreateUnbounded<EvidenceItem>();
        Func<CollectionTask, CancellationToken, Task<EvidenceItem>> alone = (task, token) => CollectAsync(task, writer, progress, token);
        Func<Action<EvidenceItem>, Task> run = UsesGraph(tasks, detail)
            ? onItem => new GraphPlan(EndpointFor, ClientFor, _limiters, _options, alone).RunAsync(tasks, writer, progress, onItem, cancellationToken)
            : onItem => new SummaryPlan(EndpointFor, ClientFor, _limiters, _options, alone) { PerQuery = detail == DetailLevel.All }
                .RunAsync(tasks, writer, progress, onItem, cancellationToken);
        // Not handed the token: the plan must run to its finally, or the reader below would wait for ever.
        var running = Task.Run(async () =>
        {
            try
            {
                await run(item => items.Writer.TryWrite(item)).ConfigureAwait(false);
            }
            finally
            {
                items.Writer.Complete();
            }
        }, CancellationToken.None);
        await foreach (var item in items.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            yield return item;
        }

        // Rethrows what stopped the plan (rejected credentials, cancellation) once every item it made has gone out.
        await running.ConfigureAwait(false);
    }

    public void Dispose() => _limiters.Dispose();

    /// <summary>Whether Resource Graph answers the bulk plan (<see cref="AzurePolicyCollectorOptions.BulkSource"/>); only at <see cref="DetailLevel.NonCompliant"/>.</summary>
    private bool UsesGraph(IEnumerable<CollectionTask> tasks, DetailLevel detail) => detail == DetailLevel.NonCompliant && _options.BulkSource switch
    {
        AzureBulkSource.ResourceGraph => true,
        AzureBulkSource.PolicyInsights => false,
        _ => GraphRequests.Cheaper(tasks),
    };

    /// <summary>Resource Graph answers at most 1000 rows a page.</summary>
    private int GraphPageSize => Math.Min(_options.PageSize, 1000);

    private async Task<EvidenceItem> CollectGraphAsync(
        CollectionTask task, AzureResourceGraphQuery query, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var request = ResourceGraphRequest.For(task);
        var client = ClientFor(EndpointFor(task));
        var limiter = _limiters.For(client.Endpoint.BaseUri.Host + request.ThrottlingScope);
        var item = new ItemInProgress(task, writer, _options.TimeProvider);
        try
        {
            return await new ResourceGraphPaging(client, request, query.FailWhen, limiter, item, progress, _options with { PageSize = GraphPageSize })
                .RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseLostException e)
        {
            return item.Failed("ResponseIncomplete", $"page {item.Pages + 1}: {e.Message}");
        }
    }

    private ResourceManagerEndpoint EndpointFor(CollectionTask task) =>
        _options.Endpoint ?? ResourceManagerEndpoint.Resolve(task.Boundary?.Azure?.Cloud, _options.Environment);

    private PolicyInsightsClient ClientFor(ResourceManagerEndpoint endpoint) =>
        _clients.GetOrAdd(endpoint, e => new Lazy<PolicyInsightsClient>(() =>
            new PolicyInsightsClient(e, new ReusedTokenCredential(_options.Credential ?? AzureCredentials.Resolve(e, _options.Environment), _options.TimeProvider), _options))).Value;
}

using System.Collections.Concurrent;
using Evidence.Collectors.Azure.Credentials;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure;

/// <summary>
/// Collects <c>azure-policy</c> evidence: the latest Azure Policy states of a definition, set definition
/// (and group) or assignment in one subscription or management group, every page of them, from Policy
/// Insights. Each response is kept exactly as received; its states become result rows. A query the
/// service cannot answer becomes a failed item; rejected credentials, no credentials at all and an
/// unreachable Resource Manager stop the collection.
/// </summary>
public sealed class AzurePolicyCollector : IEvidenceCollector, IDisposable
{
    /// <summary>The service name progress is reported under.</summary>
    public const string ServiceName = "azure";

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
    public bool CanCollect(EvidenceQuery query) => query is AzurePolicyQuery;

    /// <inheritdoc />
    public IEnumerable<string> Describe(CollectionTask task) =>
        [PolicyStatesRequest.For(task).Describe(EndpointFor(task), _options.PageSize)];

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
        var request = PolicyStatesRequest.For(task);
        var client = ClientFor(EndpointFor(task));
        var limiter = _limiters.For(client.Endpoint.BaseUri.Host + request.ThrottlingScope);
        var item = new ItemInProgress(task, writer, _options.TimeProvider);
        try
        {
            return await CollectPagesAsync(client, request, limiter, item, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ResponseLostException e)
        {
            return item.Failed("ResponseIncomplete", $"page {item.Pages + 1}: {e.Message}");
        }
    }

    public void Dispose() => _limiters.Dispose();

    private async Task<EvidenceItem> CollectPagesAsync(
        PolicyInsightsClient client, PolicyStatesRequest request, AdaptiveRateLimiter limiter, ItemInProgress item,
        ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var top = _options.PageSize;
        var url = request.FirstPage(client.Endpoint, top);
        while (true)
        {
            var response = await SendAsync(client, url, limiter, item, progress, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccess)
            {
                PolicyStatesPage page;
                try
                {
                    page = PolicyStatesPage.Parse(response.Body);
                }
                catch (InvalidDataException e)
                {
                    return item.Failed("MalformedResponse", $"page {item.Pages}: {e.Message}");
                }

                item.Add(page.Rows);
                progress.Page(ServiceName, page.Rows.Count);
                if (page.NextLink is null)
                {
                    // A last page exactly $top long may be where the service stopped rather than where the states end.
                    return page.Rows.Count == top
                        ? await ConfirmLastPageAsync(client, request, limiter, item, top, progress, cancellationToken).ConfigureAwait(false)
                        : item.Collected();
                }

                if (!SameServer(page.NextLink, client.Endpoint.BaseUri))
                {
                    // The next request carries the bearer token: it goes nowhere but the endpoint it was got for.
                    return item.Failed("MalformedResponse", $"page {item.Pages}: '@odata.nextLink' leads away from {client.Endpoint.BaseUri.GetLeftPart(UriPartial.Authority)}: {page.NextLink.GetLeftPart(UriPartial.Authority)}");
                }

                // A nextLink is followed as given, unless the pages had to shrink: then it asks for the smaller size too.
                url = top < _options.PageSize ? PolicyStatesRequest.WithTop(page.NextLink, top) : page.NextLink;
                continue;
            }

            var error = ArmError.From(response);
            if (error.Code == ArmError.ResponseTooLarge && top > _options.MinPageSize)
            {
                top = Math.Max(_options.MinPageSize, top / 2);
                url = PolicyStatesRequest.WithTop(url, top);
                continue;
            }

            var message = response.Status == 429 ? $"{error.Message} (still throttled after {_options.MaxRetries} retries)" : error.Message;
            return item.Failed(error.Code, message);
        }
    }

    /// <summary>
    /// Counts the query's states (<c>$apply=aggregate($count …)</c>) and keeps the answer with the item:
    /// more states than were sent means the service capped the answer at <c>$top</c>, and the item fails
    /// rather than pass a partial answer off as complete.
    /// </summary>
    private static async Task<EvidenceItem> ConfirmLastPageAsync(
        PolicyInsightsClient client, PolicyStatesRequest request, AdaptiveRateLimiter limiter, ItemInProgress item, int top,
        ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var response = await SendAsync(client, request.Count(client.Endpoint), limiter, item, progress, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            var error = ArmError.From(response);
            return item.Failed(error.Code, $"counting the states to confirm that the last page, exactly $top={top} long, was the last: {error.Message}");
        }

        long count;
        try
        {
            count = PolicyStatesCount.Parse(response.Body);
        }
        catch (InvalidDataException e)
        {
            return item.Failed("MalformedResponse", $"the count of states: {e.Message}");
        }

        return count > item.RowCount
            ? item.Failed("ResultsCapped", $"Policy Insights sent {item.RowCount} of {count} policy states: the last page held exactly $top={top} and no '@odata.nextLink', so the rest never came")
            : item.Collected();
    }

    /// <summary>POSTs <paramref name="url"/> and keeps the answer with the item; rejected credentials stop the collection.</summary>
    private static async Task<ArmResponse> SendAsync(
        PolicyInsightsClient client, Uri url, AdaptiveRateLimiter limiter, ItemInProgress item, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var response = await client.PostAsync(url, item.Source, limiter, progress, cancellationToken).ConfigureAwait(false);
        if (response.Status == 401)
        {
            throw CollectionAbortedException.Credentials("Azure Resource Manager", ArmError.From(response).ToString());
        }

        item.Received(response);
        return response;
    }

    private static bool SameServer(Uri link, Uri endpoint) =>
        Uri.Compare(link, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private ResourceManagerEndpoint EndpointFor(CollectionTask task) =>
        _options.Endpoint ?? ResourceManagerEndpoint.Resolve(task.AzureCloud, _options.Environment);

    private PolicyInsightsClient ClientFor(ResourceManagerEndpoint endpoint) =>
        _clients.GetOrAdd(endpoint, e => new Lazy<PolicyInsightsClient>(() =>
            new PolicyInsightsClient(e, _options.Credential ?? AzureCredentials.Resolve(e, _options.Environment), _options))).Value;
}

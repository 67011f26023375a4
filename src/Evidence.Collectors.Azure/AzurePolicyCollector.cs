using System.Collections.Concurrent;
using Evidence.Collectors.Azure.Credentials;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Collection.Throttling;

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
        var top = _options.PageSize;
        var url = request.FirstPage(client.Endpoint, top);
        while (true)
        {
            ArmResponse response;
            try
            {
                response = await client.PostAsync(url, task.Source.ToString(), limiter, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ResponseLostException e)
            {
                return item.Failed("ResponseIncomplete", $"page {item.Pages + 1}: {e.Message}");
            }

            if (response.Status == 401)
            {
                throw CollectionAbortedException.Credentials("Azure Resource Manager", ArmError.From(response).ToString());
            }

            item.Received(response);
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
                    return item.Collected();
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

    public void Dispose() => _limiters.Dispose();

    private static bool SameServer(Uri link, Uri endpoint) =>
        Uri.Compare(link, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private ResourceManagerEndpoint EndpointFor(CollectionTask task) =>
        _options.Endpoint ?? ResourceManagerEndpoint.Resolve(task.AzureCloud, _options.Environment);

    private PolicyInsightsClient ClientFor(ResourceManagerEndpoint endpoint) =>
        _clients.GetOrAdd(endpoint, e => new Lazy<PolicyInsightsClient>(() =>
            new PolicyInsightsClient(e, _options.Credential ?? AzureCredentials.Resolve(e, _options.Environment), _options))).Value;

    /// <summary>What one task has received so far: the raw pages kept, the rows parsed, the last response's date.</summary>
    private sealed class ItemInProgress(CollectionTask task, EvidenceRunWriter writer, TimeProvider time)
    {
        private readonly List<StoredFile> _raw = [];
        private readonly List<ResultRow> _rows = [];
        private DateTimeOffset? _lastDate;

        public int Pages => _raw.Count;

        public void Received(ArmResponse response)
        {
            _lastDate = response.Date ?? _lastDate;
            if (response.Body.Length > 0)
            {
                _raw.Add(writer.WriteRaw(task.ItemId, _raw.Count + 1, response.Body, response.Extension));
            }
        }

        public void Add(IEnumerable<ResultRow> rows) =>
            _rows.AddRange(rows.Select(r => r.Subscription is null ? r with { Subscription = task.Source.Subscription } : r));

        public EvidenceItem Collected()
        {
            var (file, count, counts) = writer.WriteResults(task.ItemId, _rows);
            var evaluated = _rows.Select(r => r.EvaluatedAt).OfType<DateTimeOffset>().ToList();
            return Item(ItemStatus.Collected) with
            {
                // The evidence is as old as its oldest evaluation, as every collector of the store records it.
                EvaluatedAt = evaluated.Count == 0 ? null : evaluated.Min(),
                Results = file, Rows = count, Counts = counts,
            };
        }

        public EvidenceItem Failed(string code, string message) =>
            Item(ItemStatus.Failed) with { Error = new ItemError(code, message) };

        private EvidenceItem Item(ItemStatus status) => new()
        {
            Id = task.ItemId, RunId = writer.RunId, QueryKey = task.Query.Key, Source = task.Source, Status = status,
            CollectedAt = _lastDate ?? time.GetUtcNow(), Raw = [.. _raw],
            Location = SourceLocation.OfFile(EvidenceStoreReader.ManifestFile),
        };
    }
}

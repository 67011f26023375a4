using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure;

/// <summary>
/// Every page of one task's policy states, in pages of <c>$top</c> chained by <c>@odata.nextLink</c>;
/// smaller pages after <c>ResponseTooLarge</c>. A last page exactly <c>$top</c> long is where the states
/// end or where the service stopped (OData's <c>$top</c> means "the first N"), so the states are then
/// counted: if more match, they are asked for once more without <c>$top</c>, in the service's own pages,
/// and an answer still short of the count fails the item rather than pass as complete.
/// </summary>
internal sealed class PolicyStatesPaging(
    PolicyInsightsClient client, PolicyStatesRequest request, AdaptiveRateLimiter limiter, ItemInProgress item,
    ICollectionProgress progress, AzurePolicyCollectorOptions options)
{
    private int? _top = options.PageSize;
    private long? _count;

    public async Task<EvidenceItem> RunAsync(CancellationToken cancellationToken)
    {
        var url = request.FirstPage(client.Endpoint, _top);
        while (true)
        {
            var response = await SendAsync(url, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                var error = ArmError.After(response, options.MaxRetries);
                var size = _top ?? options.PageSize;
                if (error.Code == ArmError.ResponseTooLarge && size > options.MinPageSize)
                {
                    _top = Math.Max(options.MinPageSize, size / 2);
                    url = PolicyStatesRequest.WithTop(url, _top.Value);
                    continue;
                }

                return item.Failed(error.Code, error.Message);
            }

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
            progress.Page(AzurePolicyCollector.ServiceName, page.Rows.Count);
            if (page.NextLink is null)
            {
                if (await LastPageAsync(page.Rows.Count, cancellationToken).ConfigureAwait(false) is { } done)
                {
                    return done;
                }

                item.DiscardRows();
                _top = null;
                url = request.FirstPage(client.Endpoint, null);
                continue;
            }

            if (!SameServer(page.NextLink, client.Endpoint.BaseUri))
            {
                // The next request carries the bearer token: it goes nowhere but the endpoint it was got for.
                return item.Failed("MalformedResponse", $"page {item.Pages}: '@odata.nextLink' leads away from {client.Endpoint.BaseUri.GetLeftPart(UriPartial.Authority)}: {page.NextLink.GetLeftPart(UriPartial.Authority)}");
            }

            // A nextLink is followed as given, unless the pages had to shrink: then it asks for the smaller size too.
            url = _top is { } top && top < options.PageSize ? PolicyStatesRequest.WithTop(page.NextLink, top) : page.NextLink;
        }
    }

    /// <summary>The item once the last page has come; null to ask for every state again without <c>$top</c>.</summary>
    private async Task<EvidenceItem?> LastPageAsync(int rows, CancellationToken cancellationToken)
    {
        if (_count is null && _top is { } top && rows == top)
        {
            var response = await SendAsync(request.Count(client.Endpoint), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
            {
                var error = ArmError.From(response);
                return item.Failed(error.Code, $"counting the states to confirm that the last page, exactly $top={top} long, was the last: {error.Message}");
            }

            try
            {
                _count = PolicyStatesCount.Parse(response.Body);
            }
            catch (InvalidDataException e)
            {
                return item.Failed("MalformedResponse", $"the count of states: {e.Message}");
            }

            if (_count > item.RowCount)
            {
                return null;
            }
        }

        return _count is { } count && count > item.RowCount
            ? item.Failed("ResultsCapped", $"Policy Insights sent {item.RowCount} of the {count} policy states the query matches, with and without $top: its pages ended, without an '@odata.nextLink', before the rest came")
            : item.Collected();
    }

    /// <summary>POSTs <paramref name="url"/> and keeps the answer with the item; rejected credentials stop the collection.</summary>
    private async Task<ArmResponse> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        var response = await client.PostAsync(url, item.Source, limiter, progress, cancellationToken).ConfigureAwait(false);
        if (response.Status == 401)
        {
            throw CollectionAbortedException.Credentials("Azure Resource Manager", ArmError.From(response).ToString());
        }

        item.Received(response);
        return response;
    }

    /// <summary>True when <paramref name="link"/> goes to <paramref name="endpoint"/>'s scheme and server: only there may a bearer token follow it.</summary>
    internal static bool SameServer(Uri link, Uri endpoint) =>
        Uri.Compare(link, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

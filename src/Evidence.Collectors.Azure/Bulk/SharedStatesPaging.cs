using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// Every page of one shared <c>queryResults</c> filter in one scope (the non-compliant states of many
/// queries): pages of <c>$top</c> chained by <c>@odata.nextLink</c>, smaller pages after
/// <c>ResponseTooLarge</c>, each page kept once with <see cref="SharedPages"/>. Unlike a single query's
/// paging it does not count the states to check a last full page: the summary already says how many
/// non-compliant states each query has, and the caller checks every query's rows against it.
/// </summary>
internal sealed class SharedStatesPaging(
    PolicyInsightsClient client, AdaptiveRateLimiter limiter, SharedPages pages, ICollectionProgress progress, AzurePolicyCollectorOptions options, string source)
{
    /// <summary>What the pages gave: rows with their targets and the pages kept, or why they stopped (and the status that said so; 0 for a lost response).</summary>
    public sealed record Outcome(IReadOnlyList<(ResultRow Row, PolicyStateTarget Target)> States, IReadOnlyList<StoredFile> Raw, ArmError? Error, DateTimeOffset? Date)
    {
        public int Status { get; init; } = 200;

        /// <summary>The service refused the request itself (the joint filter, the URL's length), so asking each query alone may still work.</summary>
        public bool Refused => Error is not null && Status is 400 or 414;
    }

    public async Task<Outcome> RunAsync(PolicyStatesRequest request, string kind, CancellationToken cancellationToken)
    {
        var states = new List<(ResultRow, PolicyStateTarget)>();
        var raw = new List<StoredFile>();
        DateTimeOffset? date = null;
        int? top = options.PageSize;
        var url = request.FirstPage(client.Endpoint, top);
        while (true)
        {
            ArmResponse response;
            try
            {
                response = await client.PostAsync(url, source, limiter, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ResponseLostException e)
            {
                return new Outcome(states, raw, new ArmError("ResponseIncomplete", $"page {raw.Count + 1}: {e.Message}"), date) { Status = 0 };
            }

            if (response.Status == 401)
            {
                throw CollectionAbortedException.Credentials("Azure Resource Manager", ArmError.From(response).ToString());
            }

            date = response.Date ?? date;
            if (pages.Keep(kind, raw.Count + 1, response) is { } kept)
            {
                raw.Add(kept);
            }

            if (!response.IsSuccess)
            {
                var error = ArmError.After(response, options.MaxRetries);
                if (error.Code == ArmError.ResponseTooLarge && (top ?? options.PageSize) > options.MinPageSize)
                {
                    top = Math.Max(options.MinPageSize, (top ?? options.PageSize) / 2);
                    url = PolicyStatesRequest.WithTop(url, top.Value);
                    continue;
                }

                return new Outcome(states, raw, error, date) { Status = response.Status };
            }

            PolicyStatesPage page;
            try
            {
                page = PolicyStatesPage.Parse(response.Body);
            }
            catch (InvalidDataException e)
            {
                return new Outcome(states, raw, new ArmError("MalformedResponse", $"page {raw.Count}: {e.Message}"), date);
            }

            states.AddRange(page.Rows.Zip(page.Targets));
            progress.Page(AzurePolicyCollector.ServiceName, page.Rows.Count);
            if (page.NextLink is null)
            {
                return new Outcome(states, raw, null, date);
            }

            if (!PolicyStatesPaging.SameServer(page.NextLink, client.Endpoint.BaseUri))
            {
                // The next request carries the bearer token: it goes nowhere but the endpoint it was got for.
                return new Outcome(states, raw, new ArmError("MalformedResponse", $"page {raw.Count}: '@odata.nextLink' leads away from {client.Endpoint.BaseUri.GetLeftPart(UriPartial.Authority)}"), date);
            }

            url = top is { } t && t < options.PageSize ? PolicyStatesRequest.WithTop(page.NextLink, t) : page.NextLink;
        }
    }
}

using System.Text.Json;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Collectors.Azure.ResourceGraph;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>
/// Every page of one graph-plan query: the same body again with each answer's <c>$skipToken</c> until an
/// answer has none, each page kept once with <see cref="SharedPages"/> and each row handed to the caller
/// as it is read. An answer that says <c>resultTruncated</c> with no token to go on with is an error
/// (ResultsCapped), never a whole answer.
/// </summary>
internal sealed class GraphPaging(
    PolicyInsightsClient client, AdaptiveRateLimiter limiter, SharedPages pages, ICollectionProgress progress, AzurePolicyCollectorOptions options, string source)
{
    /// <summary>Resource Graph answers at most 1,000 rows a page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>What the pages gave: the pages kept, or why they stopped, and the date of the last answer.</summary>
    public sealed record Outcome(IReadOnlyList<StoredFile> Raw, ArmError? Error, DateTimeOffset? Date)
    {
        public int Status { get; init; } = 200;

        /// <summary>The service refused the query or the caller's access to the graph, so Policy Insights may still answer query by query.</summary>
        public bool Refused => Error is not null && Status is 400 or 403 or 404;
    }

    public async Task<Outcome> RunAsync(ResourceGraphRequest request, string kind, Action<JsonElement, int> row, CancellationToken cancellationToken)
    {
        var raw = new List<StoredFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var url = ResourceGraphRequest.Url(client.Endpoint);
        var top = Math.Min(options.PageSize, MaxPageSize);
        DateTimeOffset? date = null;
        string? skipToken = null;
        var rows = 0;
        while (true)
        {
            ArmResponse response;
            try
            {
                response = await client.PostAsync(url, source, limiter, progress, cancellationToken, request.Body(top, skipToken)).ConfigureAwait(false);
            }
            catch (ResponseLostException e)
            {
                return new Outcome(raw, new ArmError("ResponseIncomplete", $"page {raw.Count + 1}: {e.Message}"), date);
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
                return new Outcome(raw, ArmError.After(response, options.MaxRetries), date) { Status = response.Status };
            }

            string? next;
            bool truncated;
            try
            {
                (next, truncated, _) = ResourceGraphPage.Read(response.Body, (r, _) => row(r, ++rows));
            }
            catch (InvalidDataException e)
            {
                return new Outcome(raw, new ArmError("MalformedResponse", $"page {raw.Count}: {e.Message}"), date);
            }

            progress.Page(AzurePolicyCollector.ServiceName, 0);
            if (next is null)
            {
                return truncated
                    ? new Outcome(raw, new ArmError("ResultsCapped", $"Resource Graph sent {rows} rows and said the results were truncated, without a $skipToken for the rest"), date)
                    : new Outcome(raw, null, date);
            }

            if (!seen.Add(next))
            {
                return new Outcome(raw, new ArmError("MalformedResponse", $"page {raw.Count}: Resource Graph sent a $skipToken it had sent before, so its pages would never end"), date);
            }

            skipToken = next;
        }
    }
}

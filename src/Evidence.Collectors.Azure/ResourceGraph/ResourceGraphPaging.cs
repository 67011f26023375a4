using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.ResourceGraph;

/// <summary>
/// Every page of one task's Resource Graph query: the same body again with each answer's
/// <c>$skipToken</c> until an answer has none. An answer that says <c>resultTruncated</c> without a skip
/// token to go on with fails the item (ResultsCapped) rather than pass as the whole inventory. The rows
/// are inventory as of the moment the query ran, so they are dated by the answer.
/// </summary>
internal sealed class ResourceGraphPaging(
    PolicyInsightsClient client, ResourceGraphRequest request, RowAssertion failWhen, AdaptiveRateLimiter limiter, ItemInProgress item,
    ICollectionProgress progress, AzurePolicyCollectorOptions options)
{
    private readonly string _compliance = ComplianceValues.ForRow(failWhen);

    public async Task<EvidenceItem> RunAsync(CancellationToken cancellationToken)
    {
        var url = ResourceGraphRequest.Url(client.Endpoint);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? skipToken = null;
        while (true)
        {
            var response = await client.PostAsync(url, item.Source, limiter, progress, cancellationToken, request.Body(options.PageSize, skipToken)).ConfigureAwait(false);
            if (response.Status == 401)
            {
                throw CollectionAbortedException.Credentials("Azure Resource Manager", ArmError.From(response).ToString());
            }

            item.Received(response);
            if (!response.IsSuccess)
            {
                var error = ArmError.After(response, options.MaxRetries);
                return item.Failed(error.Code, error.Message);
            }

            ResourceGraphPage page;
            try
            {
                page = ResourceGraphPage.Parse(response.Body, _compliance);
            }
            catch (InvalidDataException e)
            {
                return item.Failed("MalformedResponse", $"page {item.Pages}: {e.Message}");
            }

            var at = DateTimeOffset.FromUnixTimeSeconds((response.Date ?? options.TimeProvider.GetUtcNow()).ToUnixTimeSeconds());
            item.Add(page.Rows.Select(r => r with { EvaluatedAt = at }));
            progress.Page(AzurePolicyCollector.ServiceName, page.Rows.Count);
            if (page.SkipToken is null)
            {
                return page.Truncated
                    ? item.Failed("ResultsCapped", $"Resource Graph sent {item.RowCount} rows{Of(page.TotalRecords)} and said the results were truncated, without a $skipToken for the rest")
                    : item.Collected();
            }

            if (!seen.Add(page.SkipToken))
            {
                return item.Failed("MalformedResponse", $"page {item.Pages}: Resource Graph sent a $skipToken it had sent before, so its pages would never end");
            }

            skipToken = page.SkipToken;
        }
    }

    private static string Of(long? total) => total is { } n ? FormattableString.Invariant($" of the {n} the query matches") : string.Empty;
}

using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Walks every page of one call: asks for the largest page the operation allows, follows NextToken,
/// and hands each response (error or not) to the caller before deciding whether to go on. A server
/// that repeats a token is an error, not an endless loop.
/// </summary>
internal static class Pager
{
    public static readonly string Service = AwsConfigClient.ProgressService;

    /// <summary>
    /// An <c>onPage</c> that adds every item of a page to <paramref name="rows"/> and reports them; an
    /// item that cannot become a row stops paging as a malformed response saying <paramref name="unreadable"/>.
    /// </summary>
    public static Func<AwsConfigResponse, AwsConfigError?> AddingTo(IResultRows rows, string unreadable, ICollectionProgress progress) => page =>
    {
        var before = rows.Rows.Count;
        foreach (var result in page.Items)
        {
            if (!rows.Add(result))
            {
                return RuleDirectory.Malformed(page.Operation, unreadable);
            }
        }

        progress.Page(Service, rows.Rows.Count - before);
        return null;
    };

    /// <summary>
    /// Calls <paramref name="operation"/> for the evidence <paramref name="source"/> until the last page. <c>onResponse</c> sees every final
    /// response first, errors included, to save it as received; <c>onPage</c> reads a successful page
    /// and returns an error to stop with, or null. Returns the error that stopped paging, or null.
    /// </summary>
    public static async Task<AwsConfigError?> AllPagesAsync(
        AwsConfigClient client, AwsConfigOperation operation, string region, string source, JsonObject request,
        Action<AwsConfigResponse> onResponse, Func<AwsConfigResponse, AwsConfigError?> onPage,
        ICollectionProgress progress, CancellationToken cancellationToken)
    {
        if (operation.MaxLimit is { } limit)
        {
            request["Limit"] = limit;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var response = await client.CallAsync(operation, region, request, source, progress, cancellationToken).ConfigureAwait(false);
            onResponse(response);
            if (response.Error is { } error)
            {
                return error with { Message = $"{operation.Name}: {error.Message}" };
            }

            if (response.Json is { } json && json.TryGetProperty(operation.ResultKey, out var list) && list.ValueKind != System.Text.Json.JsonValueKind.Array)
            {
                return new AwsConfigError("MalformedResponse", $"{operation.Name} answered with {operation.ResultKey} that is not a list", AwsErrorKind.Malformed);
            }

            if (onPage(response) is { } problem)
            {
                return problem;
            }

            if (response.NextToken is not { } token)
            {
                return null;
            }

            if (!seen.Add(token))
            {
                return new AwsConfigError("RepeatedNextToken", $"{operation.Name} handed out the same NextToken twice; the pages cannot be trusted to be complete", AwsErrorKind.Malformed);
            }

            request["NextToken"] = token;
        }
    }
}

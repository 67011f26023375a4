using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// A request the fake Azure server received, as it understood it: the scope (<c>/subscriptions/{id}</c> or
/// <c>/providers/Microsoft.Management/managementGroups/{name}</c>), the filter, the page size asked for
/// and the offset its skip token points at. <see cref="Status"/> is the status it began to answer with (0: the connection was dropped before any answer).
/// </summary>
public sealed partial record FakeAzureRequest(int Number, string Method, string PathAndQuery, string? Scope, string? Filter, int? Top, int Offset, string? Authorization)
{
    public int Status { get; init; }

    public bool IsFirstPage => Offset == 0;

    /// <summary>The OData <c>$apply</c> the request asked for, if any.</summary>
    public string? Apply { get; init; }

    /// <summary>What the request asks of Policy Insights: <c>queryResults</c> or <c>summarize</c> (null for anything else).</summary>
    public string? Operation { get; init; }

    /// <summary>Whether the request named <c>$top</c> itself (rather than inheriting it from a skip token).</summary>
    public bool TopInQuery { get; init; }

    internal static FakeAzureRequest From(HttpContext context, int number)
    {
        var http = context.Request;
        var path = http.Path.Value ?? string.Empty;
        var match = PolicyStatesPath().Match(path);
        var token = FakeSkipToken.Decode(http.Query["$skiptoken"].FirstOrDefault());
        var top = int.TryParse(http.Query["$top"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : token?.Top;
        var filter = http.Query["$filter"].FirstOrDefault() ?? token?.Filter;
        return new FakeAzureRequest(
            number, http.Method, path + http.QueryString, match.Success ? match.Groups["scope"].Value : null,
            filter, top, token?.Offset ?? 0, http.Headers.Authorization.FirstOrDefault())
        {
            Apply = http.Query["$apply"].FirstOrDefault(),
            Operation = match.Success ? match.Groups["operation"].Value : null,
            TopInQuery = http.Query.ContainsKey("$top"),
        };
    }

    [GeneratedRegex(@"^(?<scope>/subscriptions/[^/]+|/providers/Microsoft\.Management/managementGroups/[^/]+)/providers/Microsoft\.PolicyInsights/policyStates/latest/(?<operation>queryResults|summarize)$", RegexOptions.IgnoreCase)]
    private static partial Regex PolicyStatesPath();
}

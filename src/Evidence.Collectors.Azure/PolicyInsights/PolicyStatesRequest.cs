using System.Text;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// The first <c>policyStates/latest/queryResults</c> request of a task: the scope (a subscription or a
/// management group) and the OData filter that picks the policy definition, set definition (and
/// group) or assignment. Later pages follow the response's <c>@odata.nextLink</c>.
/// </summary>
internal sealed record PolicyStatesRequest(string Scope, string Filter)
{
    public const string ApiVersion = "2019-10-01";
    private const string Operation = "/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults";
    public const string CountApply = "aggregate($count as " + PolicyStatesCount.Property + ")";
    private const string ManagementGroups = "/providers/Microsoft.Management/managementGroups/";

    public static PolicyStatesRequest For(CollectionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var query = task.Query as AzurePolicyQuery
            ?? throw new ArgumentException($"{task.Query.Key} is not an Azure Policy query", nameof(task));
        return new PolicyStatesRequest(ScopeOf(task), FilterFor(query));
    }

    /// <summary>The resource id of the subscription or management group a task reads from.</summary>
    public static string ScopeOf(CollectionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Source switch
        {
            { Subscription: { } subscription } => $"/subscriptions/{subscription}",
            { ManagementGroup: { } group } => ManagementGroups + group.TrimEnd('/').Split('/')[^1],
            _ => throw new ArgumentException($"{task.ItemId} has neither a subscription nor a management group", nameof(task)),
        };
    }

    /// <summary>The Resource Manager throttling bucket this request draws on.</summary>
    public string ThrottlingScope => Scope.ToLowerInvariant();

    public Uri FirstPage(ResourceManagerEndpoint endpoint, int? top) =>
        new(Path(endpoint) + "?api-version=" + ApiVersion + Top(top) + "&$filter=" + Uri.EscapeDataString(Filter));

    /// <summary>
    /// The same query counted instead of listed: one record, <c>NumberOfRecords</c>, with how many states
    /// match (OData aggregation, which Policy Insights supports through <c>$apply</c>).
    /// </summary>
    public Uri Count(ResourceManagerEndpoint endpoint) =>
        new(Path(endpoint) + "?api-version=" + ApiVersion + "&$filter=" + Uri.EscapeDataString(Filter) + "&$apply=" + Uri.EscapeDataString(CountApply));

    /// <summary>The request as a person reads it, for <c>--dry-run</c>: the filter left unescaped.</summary>
    public string Describe(ResourceManagerEndpoint endpoint, int? top) =>
        $"POST {Path(endpoint)}?api-version={ApiVersion}{Top(top)}&$filter={Filter}";

    /// <summary>The same request asking for pages of <paramref name="top"/> records, whatever it asked for before.</summary>
    public static Uri WithTop(Uri url, int top)
    {
        ArgumentNullException.ThrowIfNull(url);
        var query = url.Query.TrimStart('?');
        var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(Uri.UnescapeDataString(p.Split('=')[0]), "$top", StringComparison.OrdinalIgnoreCase));
        var builder = new UriBuilder(url) { Query = string.Join('&', kept.Append(FormattableString.Invariant($"$top={top}"))) };
        return builder.Uri;
    }

    /// <summary>The OData filter that picks a query's states: its definition, set definition (and group) or assignment.</summary>
    public static string FilterFor(AzurePolicyQuery query)
    {
        // The query keeps the id as written; Name lower-cases it for store keys, which a filter does not need.
        var name = TargetName(query);
        var filter = new StringBuilder();
        filter.Append(query.Target switch
        {
            AzurePolicyTarget.Definition => "PolicyDefinitionName eq ",
            AzurePolicyTarget.SetDefinition => "PolicySetDefinitionName eq ",
            _ => "PolicyAssignmentName eq ",
        }).Append(Literal(name));
        if (query.Group is { } group)
        {
            filter.Append(" and ").Append(Literal(group)).Append(" IN PolicyDefinitionGroupNames");
        }

        return filter.ToString();
    }

    /// <summary>The definition's, set definition's or assignment's name as the query gives it (the last segment of its id).</summary>
    public static string TargetName(AzurePolicyQuery query) => query.Id.TrimEnd('/').Split('/')[^1];

    public static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private string Path(ResourceManagerEndpoint endpoint) => endpoint.BaseUri.AbsoluteUri.TrimEnd('/') + Scope + Operation;

    private static string Top(int? top) => top is { } t ? FormattableString.Invariant($"&$top={t}") : string.Empty;
}

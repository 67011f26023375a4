using System.Text.Json;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;

namespace Evidence.Collectors.Azure.ResourceGraph;

/// <summary>
/// One task's Resource Graph request: <c>POST /providers/Microsoft.ResourceGraph/resources</c> with the
/// Kusto query, the subscription or management group it runs over, and the page options. Later pages
/// send the same body with the previous answer's <c>$skipToken</c>. The graph plan asks one query over many
/// subscriptions at once (<see cref="ScopeIds"/>).
/// </summary>
internal sealed record ResourceGraphRequest(string ScopeProperty, IReadOnlyList<string> ScopeIds, string Query)
{
    public const string ApiVersion = "2022-10-01";
    private const string Operation = "/providers/Microsoft.ResourceGraph/resources";

    public static ResourceGraphRequest For(CollectionTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var query = task.Query as AzureResourceGraphQuery
            ?? throw new ArgumentException($"{task.Query.Key} is not an Azure Resource Graph query", nameof(task));
        return task.Source switch
        {
            { Subscription: { } subscription } => new ResourceGraphRequest("subscriptions", [subscription], query.Query),
            { ManagementGroup: { } group } => new ResourceGraphRequest("managementGroups", [group.TrimEnd('/').Split('/')[^1]], query.Query),
            _ => throw new ArgumentException($"{task.ItemId} has neither a subscription nor a management group", nameof(task)),
        };
    }

    /// <summary>The Resource Manager throttling bucket this request draws on (Resource Graph throttles per principal, so per scope is the finer of the two).</summary>
    public string ThrottlingScope => $"/resourcegraph/{ScopeProperty}/{ScopeIds[0]}".ToLowerInvariant();

    public static Uri Url(ResourceManagerEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new Uri(endpoint.BaseUri.AbsoluteUri.TrimEnd('/') + Operation + "?api-version=" + ApiVersion);
    }

    /// <summary>The body for one page, written the same way every time so that recordings replay by its hash.</summary>
    public byte[] Body(int top, string? skipToken)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray(ScopeProperty);
            foreach (var id in ScopeIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteString("query", Query);
            json.WriteStartObject("options");
            json.WriteNumber("$top", top);
            if (skipToken is not null)
            {
                json.WriteString("$skipToken", skipToken);
            }

            json.WriteString("resultFormat", "objectArray");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The request as a person reads it, for <c>--dry-run</c>.</summary>
    public string Describe(ResourceManagerEndpoint endpoint, int top) =>
        $"POST {Url(endpoint)} {{\"{ScopeProperty}\":[{string.Join(", ", ScopeIds.Select(i => $"\"{i}\""))}], \"options\":{{\"$top\":{top}, \"resultFormat\":\"objectArray\"}}, \"query\":\"{Query.ReplaceLineEndings(" ")}\"}}, then each $skipToken";
}

using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Turns advanced-query results (each a JSON document, sent as a string by AWS and as an object by
/// emulators such as moto) into rows: the resource's
/// type and id, account and region, the compliance the query's assertion gives every row
/// (NON_COMPLIANT when rows are violations, COMPLIANT when they prove something exists), and its
/// tags as the annotation when selected.
/// A result without resourceType or resourceId (an aggregate such as COUNT(*)) keeps its JSON as the annotation.
/// </summary>
internal sealed class SelectRows(string? account, string? region, string compliance) : IResultRows
{
    public List<ResultRow> Rows { get; } = [];

    /// <summary>The accounts the results said they came from.</summary>
    public HashSet<string> Accounts { get; } = new(StringComparer.Ordinal);

    public bool Add(JsonElement result)
    {
        if (result.ValueKind == JsonValueKind.Object)
        {
            return Add(result, result.GetRawText());
        }

        if (result.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = Core.Collection.JsonStrings.Read(result);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object && Add(document.RootElement, text);
        }
    }

    private bool Add(JsonElement root, string text)
    {
        var type = Text(root, "resourceType");
        var id = Text(root, "resourceId") ?? Text(root, "arn") ?? Text(root, "resourceName");
        var resultAccount = Text(root, "accountId");
        if (resultAccount is not null)
        {
            Accounts.Add(resultAccount);
        }

        var annotation = Tags(root) ?? (type is null || id is null ? text : null);
        Rows.Add(new ResultRow(type ?? string.Empty, id ?? $"result-{Rows.Count + 1}", compliance,
            resultAccount ?? account, Text(root, "awsRegion") ?? region, Annotation: annotation));
        return true;
    }

    private static string? Tags(JsonElement root)
    {
        if (!root.TryGetProperty("tags", out var tags) || tags.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var pairs = tags.EnumerateArray()
            .Where(t => t.ValueKind == JsonValueKind.Object)
            .Select(t => $"{Text(t, "key")}={Text(t, "value")}")
            .ToList();
        return pairs.Count == 0 ? "no tags" : string.Join(", ", pairs);
    }

    private static string? Text(JsonElement element, string name) =>
        Core.Collection.JsonStrings.Property(element, name);
}

using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.ResourceGraph;

/// <summary>
/// One Resource Graph row as a result row: its <c>type</c>, its <c>id</c> lower-cased as Policy Insights
/// names resources (the whole row when the query projected no id), its <c>subscriptionId</c>, the
/// compliance the query's <c>fail_when</c> gives every row, and its tags (else the row) as the annotation.
/// </summary>
internal static class ResourceGraphRow
{
    public static ResultRow From(JsonElement row, int index, string compliance)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"row {index} is not an object");
        }

        var raw = row.GetRawText();
        var id = Text(row, "id") is { Length: > 0 } given ? given.ToLowerInvariant() : raw;
        var annotation = row.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object ? tags.GetRawText() : raw;
        return new ResultRow(
            Text(row, "type") ?? string.Empty,
            id,
            compliance,
            Subscription: Text(row, "subscriptionId") is { Length: > 0 } subscription ? subscription.ToLowerInvariant() : null,
            Annotation: annotation);
    }

    private static string? Text(JsonElement element, string name) =>
        Core.Collection.JsonStrings.Property(element, name);
}

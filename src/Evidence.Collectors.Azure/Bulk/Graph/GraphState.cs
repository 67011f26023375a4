using System.Text.Json;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>One row of <see cref="PolicyGraphQuery.NonCompliant"/>: its subscription, and its <c>properties</c> read as Policy Insights' state is (the same names).</summary>
internal static class GraphState
{
    public static (string? Subscription, ResultRow Row, PolicyStateTarget Target) From(System.Text.Json.JsonElement row, int index)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"state row {index} has no 'properties' object");
        }

        var state = PolicyStateRow.From(properties, index);
        var subscription = Core.Collection.JsonStrings.Property(row, "subscriptionId") ?? state.Subscription;
        return (subscription, state with { Subscription = state.Subscription ?? subscription }, PolicyStateTarget.Of(properties));
    }
}

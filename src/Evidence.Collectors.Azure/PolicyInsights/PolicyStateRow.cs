using System.Text.Json;
using Evidence.Core.Store;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// One policy state as a result row: the resource as Policy Insights names it (ids lower-cased, the type
/// without a leading slash), its compliance in the store's vocabulary, its subscription, and when the
/// policy last evaluated it, in whole seconds as the store records time.
/// </summary>
internal static class PolicyStateRow
{
    public static ResultRow From(JsonElement state, int index)
    {
        if (state.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"policy state {index} is not an object");
        }

        var resourceId = Text(state, "resourceId") is { Length: > 0 } id
            ? id
            : throw new InvalidDataException($"policy state {index} has no resourceId");
        return new ResultRow(
            (Text(state, "resourceType") ?? string.Empty).TrimStart('/'),
            resourceId,
            Compliance(state),
            Subscription: Text(state, "subscriptionId") is { Length: > 0 } subscription ? subscription : null,
            Annotation: Text(state, "complianceReasonCode") is { Length: > 0 } reason ? reason : null,
            EvaluatedAt: Text(state, "timestamp") is { } t && Timestamps.TryParseUtc(t, out var at) ? WholeSeconds(at) : null);
    }

    /// <summary>
    /// Compliant, NonCompliant and Exempt map one to one; Unknown (a manual policy awaiting attestation),
    /// Conflicting and anything newer are insufficient data. Older records without complianceState
    /// still carry isCompliant.
    /// </summary>
    public static string Compliance(JsonElement state)
    {
        var complianceState = Text(state, "complianceState");
        if (string.IsNullOrEmpty(complianceState))
        {
            return state.TryGetProperty("isCompliant", out var compliant) ? compliant.ValueKind switch
            {
                JsonValueKind.True => "COMPLIANT",
                JsonValueKind.False => "NON_COMPLIANT",
                _ => "INSUFFICIENT_DATA",
            } : "INSUFFICIENT_DATA";
        }

        return FromState(complianceState);
    }

    /// <summary>A <c>complianceState</c> (in any case, as queryResults and summarize write it differently) in the store's vocabulary.</summary>
    public static string FromState(string complianceState)
    {
        ArgumentNullException.ThrowIfNull(complianceState);
        return complianceState.ToUpperInvariant() switch
        {
            "COMPLIANT" => "COMPLIANT",
            "NONCOMPLIANT" => "NON_COMPLIANT",
            "EXEMPT" => "NOT_APPLICABLE",
            _ => "INSUFFICIENT_DATA",
        };
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private static string? Text(JsonElement element, string name) =>
        Core.Collection.JsonStrings.Property(element, name);
}

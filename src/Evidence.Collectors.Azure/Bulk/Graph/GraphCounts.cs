using System.Text.Json;
using Evidence.Collectors.Azure.PolicyInsights;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>
/// The rows of <see cref="PolicyGraphQuery.Counts"/> gathered as a summary per subscription: one entry per
/// policy (definition, set definition, assignment and groups) with its states counted by compliance, as
/// <see cref="PolicySummary"/> holds <c>summarize</c>'s answer, so a query's counts come out the same way.
/// </summary>
internal sealed class GraphCounts
{
    private readonly Dictionary<string, Dictionary<PolicyKey, int[]>> _bySubscription = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds one row; anything but the query's columns is <see cref="InvalidDataException"/>.</summary>
    public void Add(JsonElement row, int index)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"count row {index} is not an object");
        }

        var subscription = Text(row, "subscriptionId") is { Length: > 0 } s ? s : throw new InvalidDataException($"count row {index} has no subscriptionId");
        var state = Text(row, "state") ?? throw new InvalidDataException($"count row {index} has no state");
        if (!row.TryGetProperty("states", out var n) || n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out var count) || count < 0)
        {
            throw new InvalidDataException($"count row {index} has no whole, non-negative 'states' count");
        }

        var key = new PolicyKey(Text(row, "definition") ?? string.Empty, Text(row, "setDefinition") ?? string.Empty, Text(row, "assignment") ?? string.Empty, Text(row, "groups") ?? string.Empty);
        if (!_bySubscription.TryGetValue(subscription, out var policies))
        {
            _bySubscription[subscription] = policies = [];
        }

        if (!policies.TryGetValue(key, out var counts))
        {
            policies[key] = counts = new int[4];
        }

        counts[PolicyStateRow.FromState(state) switch { "COMPLIANT" => 0, "NON_COMPLIANT" => 1, "NOT_APPLICABLE" => 2, _ => 3 }] += count;
    }

    /// <summary>The summary of one subscription, or of every subscription together (a management group's request: <paramref name="subscription"/> null).</summary>
    public PolicySummary For(string? subscription)
    {
        var policies = subscription is null ? _bySubscription.Values.SelectMany(p => p) : _bySubscription.GetValueOrDefault(subscription) ?? [];
        var entries = policies.Select(p => new PolicySummary.Entry(
            new PolicyStateTarget(p.Key.Definition, p.Key.SetDefinition, p.Key.Assignment, Groups(p.Key.Groups)),
            new ComplianceCounts(p.Value[0], p.Value[1], p.Value[2], p.Value[3]))).ToList();
        return new PolicySummary(entries, 0);
    }

    /// <summary>The groups column: <c>tostring()</c> of the state's <c>policyDefinitionGroupNames</c> array, a JSON array as text.</summary>
    private static IReadOnlyList<string> Groups(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!).Where(g => g.Length > 0)]
                : [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"a count row's groups are not a JSON array ({e.Message})", e);
        }
    }

    private static string? Text(JsonElement element, string name) => JsonStrings.Property(element, name);

    private sealed record PolicyKey(string Definition, string SetDefinition, string Assignment, string Groups);
}

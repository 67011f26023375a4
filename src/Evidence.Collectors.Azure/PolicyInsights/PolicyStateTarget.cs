using System.Text.Json;
using Evidence.Collectors.Azure.Definitions;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// What policy a state or a summary entry is of: its definition, set definition, assignment and groups,
/// by name. <see cref="Matches"/> says whether a query's filter (<see cref="PolicyStatesRequest.FilterFor"/>)
/// would pick it, so rows fetched once for many queries go to the same queries that would have asked for them.
/// </summary>
internal sealed record PolicyStateTarget(string Definition, string SetDefinition, string Assignment, IReadOnlyList<string> Groups)
{
    public static PolicyStateTarget Of(JsonElement state) => new(
        Text(state, "policyDefinitionName") ?? string.Empty,
        Text(state, "policySetDefinitionName") ?? string.Empty,
        Text(state, "policyAssignmentName") ?? string.Empty,
        state.TryGetProperty("policyDefinitionGroupNames", out var groups) && groups.ValueKind == JsonValueKind.Array
            ? [.. groups.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.String).Select(g => g.GetString()!).Where(g => g.Length > 0)]
            : []);

    /// <summary>The last segment of a resource id: the name the filters compare.</summary>
    public static string NameOf(string? id) => string.IsNullOrEmpty(id) ? string.Empty : id.TrimEnd('/').Split('/')[^1];

    public bool Matches(AzurePolicyQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var name = PolicyStatesRequest.TargetName(query);
        return query.Target switch
        {
            AzurePolicyTarget.Definition => Same(Definition, name),
            AzurePolicyTarget.SetDefinition => Same(SetDefinition, name) && (query.Group is not { } group || Groups.Contains(group, StringComparer.OrdinalIgnoreCase)),
            _ => Same(Assignment, name),
        };
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonElement element, string name) => Core.Collection.JsonStrings.Property(element, name);
}

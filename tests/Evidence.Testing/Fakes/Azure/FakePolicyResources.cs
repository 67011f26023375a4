using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// A FAKE of the Resource Graph <c>policyresources</c> table's policy states, only the two query shapes the
/// graph plan sends: the states of some policies (<c>where definition in~ (…) or setDefinition in~ (…) or
/// assignment in~ (…)</c> over the projected names) counted per subscription, policy and state, or the
/// non-compliant ones listed whole (<c>id</c>, <c>subscriptionId</c>, <c>properties</c>). It reads the
/// states <see cref="FakePolicyInsights"/> serves, so both services answer from the same data. Anything
/// else is not understood (null: the server answers 400 InvalidQuery).
/// </summary>
public static partial class FakePolicyResources
{
    private const string Extend = "extend definition = tostring(properties.policyDefinitionName), setDefinition = tostring(properties.policySetDefinitionName), assignment = tostring(properties.policyAssignmentName), groups = tostring(properties.policyDefinitionGroupNames), state = tostring(properties.complianceState)";
    private const string Count = "summarize states = count() by subscriptionId, definition, setDefinition, assignment, groups, state";

    /// <summary>The rows the query gives over <paramref name="states"/>, sorted as its <c>order by</c> asks; null when the query is not one of the two shapes.</summary>
    public static IReadOnlyList<object>? Answer(string query, IEnumerable<FakePolicyState> states)
    {
        ArgumentNullException.ThrowIfNull(query);
        var stages = query.Split('|').Select(s => s.Trim()).ToList();
        if (stages.Count < 6 || !stages[0].Equals("policyresources", StringComparison.OrdinalIgnoreCase)
            || stages[1] != "where type =~ 'microsoft.policyinsights/policystates'" || stages[2] != Extend || Names(stages[3]) is not { } names)
        {
            return null;
        }

        var asked = states.Where(s => names.Any(n => n.Matches(s))).ToList();
        if (stages.Count == 6 && stages[4] == Count && stages[5].StartsWith("order by subscriptionId asc", StringComparison.Ordinal))
        {
            return [.. asked.GroupBy(s => (s.SubscriptionId, s.PolicyDefinitionName, s.PolicySetDefinitionName, s.PolicyAssignmentName, Groups: GroupsText(s), s.ComplianceState))
                .OrderBy(g => g.Key.SubscriptionId, StringComparer.Ordinal).ThenBy(g => g.Key.PolicyAssignmentName, StringComparer.Ordinal)
                .ThenBy(g => g.Key.PolicyDefinitionName, StringComparer.Ordinal).ThenBy(g => g.Key.PolicySetDefinitionName, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Groups, StringComparer.Ordinal).ThenBy(g => g.Key.ComplianceState, StringComparer.Ordinal)
                .Select(g => new Dictionary<string, object>
                {
                    ["subscriptionId"] = g.Key.SubscriptionId, ["definition"] = g.Key.PolicyDefinitionName, ["setDefinition"] = g.Key.PolicySetDefinitionName,
                    ["assignment"] = g.Key.PolicyAssignmentName, ["groups"] = g.Key.Groups, ["state"] = g.Key.ComplianceState, ["states"] = g.Count(),
                })];
        }

        if (stages.Count == 7 && stages[4] == "where state =~ 'NonCompliant'" && stages[5] == "project id, subscriptionId, properties" && stages[6] == "order by id asc")
        {
            return [.. asked.Where(s => s.ComplianceState == "NonCompliant").Select(s => (Id: IdOf(s), State: s)).OrderBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => new Dictionary<string, object> { ["id"] = r.Id, ["subscriptionId"] = r.State.SubscriptionId, ["properties"] = Properties(r.State) })];
        }

        return null;
    }

    /// <summary>The state's row id in the table: its resource, assignment and definition reference.</summary>
    private static string IdOf(FakePolicyState s) =>
        $"{s.ResourceId}/providers/microsoft.policyinsights/policystates/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(s.PolicyAssignmentId + "|" + s.PolicyDefinitionReferenceId)))[..16]}";

    /// <summary><c>tostring()</c> of the groups array, as the table's column holds it.</summary>
    private static string GroupsText(FakePolicyState s) => JsonSerializer.Serialize(s.PolicyDefinitionGroupNames.DefaultIfEmpty(string.Empty));

    private static JsonElement Properties(FakePolicyState state)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            FakePolicyStatesPage.WriteState(w, null, state);
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private static List<NameFilter>? Names(string stage)
    {
        if (!stage.StartsWith("where ", StringComparison.Ordinal))
        {
            return null;
        }

        var filters = new List<NameFilter>();
        foreach (var term in stage[6..].Split(" or "))
        {
            if (InList().Match(term) is not { Success: true } match)
            {
                return null;
            }

            var values = Literal().Matches(match.Groups["list"].Value).Select(m => m.Groups["v"].Value.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
            filters.Add(new NameFilter(match.Groups["column"].Value, values.ToHashSet(StringComparer.OrdinalIgnoreCase)));
        }

        return filters;
    }

    [GeneratedRegex(@"^(?<column>definition|setDefinition|assignment) in~ \((?<list>.*)\)$")]
    private static partial Regex InList();

    [GeneratedRegex(@"'(?<v>(?:[^'\\]|\\.)*)'")]
    private static partial Regex Literal();

    private sealed record NameFilter(string Column, HashSet<string> Values)
    {
        public bool Matches(FakePolicyState s) => Values.Contains(Column switch
        {
            "definition" => s.PolicyDefinitionName,
            "setDefinition" => s.PolicySetDefinitionName,
            _ => s.PolicyAssignmentName,
        });
    }
}

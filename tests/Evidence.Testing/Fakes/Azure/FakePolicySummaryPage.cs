using System.Text.Json;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// Writes a <c>summarize</c> answer in the service's shape: one summary whose <c>results</c> count the
/// scope's resources, then a <c>policyAssignments</c> entry per assignment (most non-compliant
/// resources first, at most <c>$top</c> of them, and no link to any more) with its own results, one
/// entry per policy definition it holds (by reference id) and one per definition group. Counts in a
/// definition's <c>resourceDetails</c> are its states by compliance state (lower-case, as summarize
/// writes them); an assignment's and the scope's count each resource once, by its worst state.
/// </summary>
internal static class FakePolicySummaryPage
{
    private static readonly string[] Severity = ["noncompliant", "conflicting", "unknown", "exempt", "compliant"];

    public static byte[] Write(Uri endpoint, string scope, IReadOnlyList<FakePolicyState> states, int? top)
    {
        var context = $"{endpoint.GetLeftPart(UriPartial.Authority)}{scope}/providers/Microsoft.PolicyInsights/policyStates/$metadata#summary";
        var queryResults = $"{endpoint.GetLeftPart(UriPartial.Authority)}{scope}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01";
        var assignments = states.GroupBy(s => s.PolicyAssignmentId, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Id: g.Key, States: g.ToList(), NonCompliant: NonCompliantResources(g)))
            .OrderByDescending(a => a.NonCompliant).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Take(top ?? int.MaxValue)
            .ToList();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", context);
            w.WriteNumber("@odata.count", 1);
            w.WriteStartArray("value");
            w.WriteStartObject();
            w.WriteNull("@odata.id");
            w.WriteString("@odata.context", context + "/$entity");
            WriteResults(w, "results", queryResults, ByResource(states), Policies(states));
            w.WriteStartArray("policyAssignments");
            foreach (var (id, own, _) in assignments)
            {
                WriteAssignment(w, queryResults, id, own);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteAssignment(Utf8JsonWriter w, string queryResults, string id, List<FakePolicyState> states)
    {
        var set = states[0].PolicySetDefinitionName;
        w.WriteStartObject();
        w.WriteString("policyAssignmentId", id);
        w.WriteString("policySetDefinitionId", set.Length == 0 ? string.Empty : $"/providers/microsoft.authorization/policysetdefinitions/{set}");
        WriteResults(w, "results", queryResults, ByResource(states), Policies(states));
        w.WriteStartArray("policyDefinitions");
        foreach (var definition in states.GroupBy(s => (s.PolicyDefinitionName, s.PolicyDefinitionReferenceId)).OrderBy(g => g.Key.PolicyDefinitionReferenceId, StringComparer.Ordinal).ThenBy(g => g.Key.PolicyDefinitionName, StringComparer.Ordinal))
        {
            var first = definition.First();
            w.WriteStartObject();
            w.WriteString("policyDefinitionId", $"/providers/microsoft.authorization/policydefinitions/{first.PolicyDefinitionName}");
            w.WriteString("policyDefinitionReferenceId", first.PolicyDefinitionReferenceId);
            w.WriteStartArray("policyDefinitionGroupNames");
            foreach (var group in first.PolicyDefinitionGroupNames)
            {
                w.WriteStringValue(group);
            }

            w.WriteEndArray();
            w.WriteString("effect", first.PolicyDefinitionAction);

            // A definition's counts are its states, one a resource.
            var byState = definition.GroupBy(s => s.ComplianceState.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
            WriteResults(w, "results", queryResults, byState, null);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("policyGroups");
        foreach (var group in states.SelectMany(s => s.PolicyDefinitionGroupNames.Select(g => (Group: g, State: s))).GroupBy(p => p.Group, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.Select(p => p.State).ToList();
            w.WriteStartObject();
            w.WriteString("policyGroupName", group.Key);
            WriteResults(w, "results", queryResults, ByResource(members), Policies(members));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteResults(Utf8JsonWriter w, string name, string queryResults, Dictionary<string, int> resources, Dictionary<string, int>? policies)
    {
        w.WriteStartObject(name);
        w.WriteString("queryResultsUri", queryResults + "&$filter=IsCompliant eq false");
        w.WriteNumber("nonCompliantResources", resources.GetValueOrDefault("noncompliant"));
        if (policies is not null)
        {
            w.WriteNumber("nonCompliantPolicies", policies.GetValueOrDefault("noncompliant"));
        }

        Details(w, "resourceDetails", resources);
        Details(w, "policyDetails", policies ?? new Dictionary<string, int> { [resources.GetValueOrDefault("noncompliant") > 0 ? "noncompliant" : "compliant"] = 1 });
        w.WriteEndObject();
    }

    private static void Details(Utf8JsonWriter w, string name, Dictionary<string, int> counts)
    {
        w.WriteStartArray(name);
        foreach (var state in Severity.Where(counts.ContainsKey).Concat(counts.Keys.Except(Severity).Order(StringComparer.Ordinal)))
        {
            w.WriteStartObject();
            w.WriteString("complianceState", state);
            w.WriteNumber("count", counts[state]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static int NonCompliantResources(IEnumerable<FakePolicyState> states) => ByResource(states).GetValueOrDefault("noncompliant");

    /// <summary>Each resource once, by its worst state.</summary>
    private static Dictionary<string, int> ByResource(IEnumerable<FakePolicyState> states) =>
        states.GroupBy(s => s.ResourceId, StringComparer.OrdinalIgnoreCase)
            .Select(g => Worst(g.Select(s => s.ComplianceState)))
            .GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Each policy (assignment and reference) once, by its worst state.</summary>
    private static Dictionary<string, int> Policies(IEnumerable<FakePolicyState> states) =>
        states.GroupBy(s => (s.PolicyAssignmentId, s.PolicyDefinitionName, s.PolicyDefinitionReferenceId))
            .Select(g => Worst(g.Select(s => s.ComplianceState)))
            .GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

    private static string Worst(IEnumerable<string> states)
    {
        var lower = states.Select(s => s.ToLowerInvariant()).ToList();
        return Severity.FirstOrDefault(lower.Contains) ?? lower.Min(StringComparer.Ordinal)!;
    }
}

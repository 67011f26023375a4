using System.Text.Json;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Store;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// A parsed <c>summarize</c> answer: for each assignment it lists, each policy definition in it with its
/// states counted by compliance state (<c>resourceDetails</c>). What it cannot tell: which resources those
/// are, when they were evaluated, and, once it lists as many assignments as were asked for, whether it
/// left others out.
/// </summary>
internal sealed record PolicySummary(IReadOnlyList<PolicySummary.Entry> Entries, int Assignments)
{
    /// <summary>Whether the answer lists as many assignments as <paramref name="top"/> allowed, so that more may exist.</summary>
    public bool MayBeCut(int top) => Assignments >= top;

    /// <summary>
    /// A query's states counted, summed over every assignment and definition reference its filter would pick
    /// (as queryResults returns a state per assignment and reference); null when none in the summary matches,
    /// so the summary cannot tell an unassigned policy from one it left out.
    /// </summary>
    public ComplianceCounts? CountsFor(AzurePolicyQuery query)
    {
        ComplianceCounts? total = null;
        foreach (var entry in Entries.Where(e => e.Target.Matches(query)))
        {
            var c = entry.Counts;
            total = total is { } t ? new ComplianceCounts(t.Compliant + c.Compliant, t.NonCompliant + c.NonCompliant, t.NotApplicable + c.NotApplicable, t.InsufficientData + c.InsufficientData) : c;
        }

        return total;
    }

    /// <summary>Parses an answer; anything but summarize's shape is <see cref="InvalidDataException"/>, with what was wrong.</summary>
    public static PolicySummary Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the response is not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("the response has no 'value' array of summaries");
            }

            var entries = new List<Entry>();
            var assignments = 0;
            foreach (var summary in value.EnumerateArray())
            {
                if (summary.ValueKind != JsonValueKind.Object || !summary.TryGetProperty("policyAssignments", out var list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException("a summary has no 'policyAssignments' array");
                }

                foreach (var assignment in list.EnumerateArray())
                {
                    assignments++;
                    entries.AddRange(EntriesOf(assignment, assignments));
                }
            }

            return new PolicySummary(entries, assignments);
        }
    }

    private static List<Entry> EntriesOf(JsonElement assignment, int index)
    {
        var id = Text(assignment, "policyAssignmentId");
        if (assignment.ValueKind != JsonValueKind.Object || string.IsNullOrEmpty(id))
        {
            throw new InvalidDataException($"policy assignment {index} of the summary has no policyAssignmentId");
        }

        if (!assignment.TryGetProperty("policyDefinitions", out var definitions) || definitions.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"policy assignment {id} of the summary has no 'policyDefinitions' array");
        }

        var set = PolicyStateTarget.NameOf(Text(assignment, "policySetDefinitionId"));
        var entries = new List<Entry>();
        foreach (var definition in definitions.EnumerateArray())
        {
            var definitionId = Text(definition, "policyDefinitionId");
            if (string.IsNullOrEmpty(definitionId) || !definition.TryGetProperty("results", out var results))
            {
                throw new InvalidDataException($"a policy definition of assignment {id} in the summary has no policyDefinitionId or results");
            }

            var groups = definition.TryGetProperty("policyDefinitionGroupNames", out var g) && g.ValueKind == JsonValueKind.Array
                ? g.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(e => e.Length > 0).ToList()
                : [];
            var target = new PolicyStateTarget(PolicyStateTarget.NameOf(definitionId), set, PolicyStateTarget.NameOf(id), groups);
            entries.Add(new Entry(target, CountsOf(results, definitionId)));
        }

        return entries;
    }

    private static ComplianceCounts CountsOf(JsonElement results, string definitionId)
    {
        if (results.ValueKind != JsonValueKind.Object || !results.TryGetProperty("resourceDetails", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"the summary of {definitionId} has no 'resourceDetails' array");
        }

        int compliant = 0, nonCompliant = 0, notApplicable = 0, insufficient = 0;
        foreach (var detail in details.EnumerateArray())
        {
            var state = Text(detail, "complianceState");
            if (state is null || !detail.TryGetProperty("count", out var c) || c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var count) || count < 0)
            {
                throw new InvalidDataException($"a resourceDetails entry of {definitionId} has no complianceState or whole, non-negative count");
            }

            switch (PolicyStateRow.FromState(state))
            {
                case "COMPLIANT": compliant += count; break;
                case "NON_COMPLIANT": nonCompliant += count; break;
                case "NOT_APPLICABLE": notApplicable += count; break;
                default: insufficient += count; break;
            }
        }

        return new ComplianceCounts(compliant, nonCompliant, notApplicable, insufficient);
    }

    private static string? Text(JsonElement element, string name) => Core.Collection.JsonStrings.Property(element, name);

    /// <summary>One policy definition (by reference) in one assignment, and its states counted.</summary>
    internal sealed record Entry(PolicyStateTarget Target, ComplianceCounts Counts);
}

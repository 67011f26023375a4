using System.Text;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;

namespace Evidence.Collectors.Azure.Bulk.Graph;

/// <summary>
/// The two Resource Graph queries of the graph plan, over the <c>policyresources</c> table's policy states
/// (the same latest states Policy Insights' <c>queryResults</c> serves, with the same property names):
/// <see cref="Counts"/> counts the states of the asked policies per subscription, policy and compliance
/// state; <see cref="NonCompliant"/> lists those policies' non-compliant states whole. Both keep only the
/// definitions, set definitions and assignments the tasks name, and sort, so that pages are repeatable.
/// </summary>
internal static class PolicyGraphQuery
{
    private const string Head = """
        policyresources
        | where type =~ 'microsoft.policyinsights/policystates'
        | extend definition = tostring(properties.policyDefinitionName), setDefinition = tostring(properties.policySetDefinitionName), assignment = tostring(properties.policyAssignmentName), groups = tostring(properties.policyDefinitionGroupNames), state = tostring(properties.complianceState)
        """;

    public static string Counts(IEnumerable<AzurePolicyQuery> queries) => Head + "\n" + Where(queries) + """

        | summarize states = count() by subscriptionId, definition, setDefinition, assignment, groups, state
        | order by subscriptionId asc, assignment asc, definition asc, setDefinition asc, groups asc, state asc
        """;

    public static string NonCompliant(IEnumerable<AzurePolicyQuery> queries) => Head + "\n" + Where(queries) + """

        | where state =~ 'NonCompliant'
        | project id, subscriptionId, properties
        | order by id asc
        """;

    /// <summary>A Kusto string literal: single-quoted, with backslash and quote escaped.</summary>
    public static string Literal(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static string Where(IEnumerable<AzurePolicyQuery> queries)
    {
        var names = queries.GroupBy(q => q.Target).OrderBy(g => g.Key)
            .Select(g => (Column(g.Key), g.Select(PolicyStatesRequest.TargetName).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList()));
        var where = new StringBuilder("| where ");
        var first = true;
        foreach (var (column, values) in names)
        {
            where.Append(first ? string.Empty : " or ").Append(column).Append(" in~ (").AppendJoin(", ", values.Select(Literal)).Append(')');
            first = false;
        }

        return where.ToString();
    }

    private static string Column(AzurePolicyTarget target) => target switch
    {
        AzurePolicyTarget.Definition => "definition",
        AzurePolicyTarget.SetDefinition => "setDefinition",
        _ => "assignment",
    };
}

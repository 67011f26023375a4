using System.Text;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Collectors.Azure.PolicyInsights;

namespace Evidence.Collectors.Azure.Bulk;

/// <summary>
/// The <c>$filter</c>s that fetch the non-compliant states of many queries at once:
/// <c>ComplianceState eq 'NonCompliant' and (q1 or q2 …)</c>, each qN the filter that query asks with
/// alone. A URL has a length limit, so the queries are split into filters of at most
/// <see cref="MaxLength"/> characters each.
/// </summary>
internal static class NonCompliantFilter
{
    /// <summary>Well inside Resource Manager's URL limits even once escaped (about three times longer at worst).</summary>
    public const int MaxLength = 2000;

    private const string Head = "ComplianceState eq 'NonCompliant' and (";

    /// <summary>The filters, each with the queries it covers, in the order the queries came.</summary>
    public static IReadOnlyList<(string Filter, IReadOnlyList<AzurePolicyQuery> Queries)> For(IEnumerable<AzurePolicyQuery> queries)
    {
        var chunks = new List<(string, IReadOnlyList<AzurePolicyQuery>)>();
        var text = new StringBuilder();
        var members = new List<AzurePolicyQuery>();
        foreach (var query in queries.DistinctBy(q => PolicyStatesRequest.FilterFor(q), StringComparer.OrdinalIgnoreCase))
        {
            var clause = PolicyStatesRequest.FilterFor(query);
            var term = clause.Contains(" and ", StringComparison.Ordinal) ? "(" + clause + ")" : clause;
            if (members.Count > 0 && Head.Length + text.Length + 4 + term.Length + 1 > MaxLength)
            {
                chunks.Add((Head + text + ")", members));
                text.Clear();
                members = [];
            }

            text.Append(members.Count == 0 ? string.Empty : " or ").Append(term);
            members.Add(query);
        }

        if (members.Count > 0)
        {
            chunks.Add((Head + text + ")", members));
        }

        return chunks;
    }
}

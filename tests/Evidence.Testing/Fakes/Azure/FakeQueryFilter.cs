using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// The part of Policy Insights' OData <c>$filter</c> the collector uses: <c>Name eq 'value'</c> on the
/// definition, set definition and assignment names, and <c>'group' IN PolicyDefinitionGroupNames</c>,
/// joined by <c>and</c>. Names and values compare without regard to case, as the service does.
/// </summary>
internal static partial class FakeQueryFilter
{
    /// <summary>A predicate for <paramref name="filter"/>, or null when the fake does not understand it.</summary>
    public static Func<FakePolicyState, bool>? Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return _ => true;
        }

        var clauses = new List<Func<FakePolicyState, bool>>();
        foreach (var clause in AndOutsideQuotes().Split(filter.Trim()))
        {
            if (Equality().Match(clause) is { Success: true } eq)
            {
                var value = Unquote(eq.Groups["value"].Value);
                Func<FakePolicyState, string>? field = eq.Groups["name"].Value.ToUpperInvariant() switch
                {
                    "POLICYDEFINITIONNAME" => s => s.PolicyDefinitionName,
                    "POLICYSETDEFINITIONNAME" => s => s.PolicySetDefinitionName,
                    "POLICYASSIGNMENTNAME" => s => s.PolicyAssignmentName,
                    _ => null,
                };
                if (field is null)
                {
                    return null;
                }

                clauses.Add(s => string.Equals(field(s), value, StringComparison.OrdinalIgnoreCase));
            }
            else if (Membership().Match(clause) is { Success: true } member && member.Groups["name"].Value.Equals("PolicyDefinitionGroupNames", StringComparison.OrdinalIgnoreCase))
            {
                var value = Unquote(member.Groups["value"].Value);
                clauses.Add(s => s.PolicyDefinitionGroupNames.Contains(value, StringComparer.OrdinalIgnoreCase));
            }
            else
            {
                return null;
            }
        }

        return s => clauses.All(c => c(s));
    }

    private static string Unquote(string value) => value.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"\s+and\s+(?=(?:[^']*'[^']*')*[^']*$)", RegexOptions.IgnoreCase)]
    private static partial Regex AndOutsideQuotes();

    [GeneratedRegex(@"^\s*(?<name>\w+)\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Equality();

    [GeneratedRegex(@"^\s*'(?<value>(?:[^']|'')*)'\s+in\s+(?<name>\w+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Membership();
}

using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>
/// The part of Policy Insights' OData <c>$filter</c> the collector uses: <c>Name eq 'value'</c> on the
/// definition, set definition and assignment names and on <c>ComplianceState</c>, and
/// <c>'group' IN PolicyDefinitionGroupNames</c>, joined by <c>and</c> and <c>or</c> (and binding tighter)
/// with parentheses. Names and values compare without regard to case, as the service does.
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

        var tokens = Token().Matches(filter).Select(m => m.Value).ToList();
        if (!string.IsNullOrWhiteSpace(Token().Replace(filter, string.Empty)))
        {
            return null;
        }

        var parser = new Parser(tokens);
        var predicate = parser.Or();
        return parser.AtEnd ? predicate : null;
    }

    private static string Unquote(string literal) => literal[1..^1].Replace("''", "'", StringComparison.Ordinal);

    private static Func<FakePolicyState, string>? Field(string name) => name.ToUpperInvariant() switch
    {
        "POLICYDEFINITIONNAME" => s => s.PolicyDefinitionName,
        "POLICYSETDEFINITIONNAME" => s => s.PolicySetDefinitionName,
        "POLICYASSIGNMENTNAME" => s => s.PolicyAssignmentName,
        "COMPLIANCESTATE" => s => s.ComplianceState,
        _ => null,
    };

    // Quoted literals (with '' inside), parentheses, and words.
    [GeneratedRegex(@"'(?:[^']|'')*'|\(|\)|[^\s()']+")]
    private static partial Regex Token();

    /// <summary>or := and ('or' and)*; and := factor ('and' factor)*; factor := '(' or ')' | Name eq 'v' | 'v' in Name.</summary>
    private sealed class Parser(List<string> tokens)
    {
        private int _at;
        private bool _failed;

        public bool AtEnd => !_failed && _at == tokens.Count;

        public Func<FakePolicyState, bool>? Or()
        {
            var terms = new List<Func<FakePolicyState, bool>>();
            do
            {
                if (And() is not { } term)
                {
                    return Fail();
                }

                terms.Add(term);
            }
            while (Accept("or"));
            return s => terms.Any(t => t(s));
        }

        private Func<FakePolicyState, bool>? And()
        {
            var factors = new List<Func<FakePolicyState, bool>>();
            do
            {
                if (Factor() is not { } factor)
                {
                    return Fail();
                }

                factors.Add(factor);
            }
            while (Accept("and"));
            return s => factors.All(f => f(s));
        }

        private Func<FakePolicyState, bool>? Factor()
        {
            if (Accept("("))
            {
                var inner = Or();
                return inner is not null && Accept(")") ? inner : Fail();
            }

            if (_at + 2 >= tokens.Count)
            {
                return Fail();
            }

            var (left, op, right) = (tokens[_at], tokens[_at + 1], tokens[_at + 2]);
            _at += 3;
            if (op.Equals("eq", StringComparison.OrdinalIgnoreCase) && right.StartsWith('\'') && Field(left) is { } field)
            {
                var value = Unquote(right);
                return s => string.Equals(field(s), value, StringComparison.OrdinalIgnoreCase);
            }

            if (op.Equals("in", StringComparison.OrdinalIgnoreCase) && left.StartsWith('\'') && right.Equals("PolicyDefinitionGroupNames", StringComparison.OrdinalIgnoreCase))
            {
                var value = Unquote(left);
                return s => s.PolicyDefinitionGroupNames.Contains(value, StringComparer.OrdinalIgnoreCase);
            }

            return Fail();
        }

        private bool Accept(string token)
        {
            if (_at < tokens.Count && tokens[_at].Equals(token, StringComparison.OrdinalIgnoreCase))
            {
                _at++;
                return true;
            }

            return false;
        }

        private Func<FakePolicyState, bool>? Fail()
        {
            _failed = true;
            return null;
        }
    }
}

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// The rules deployed in one account and region, looked up by name, conformance-pack name and identifier,
/// so that matching a query costs a few lookups instead of a scan. The bulk plan matches every rule of the
/// catalog against every source's summary (226,100 matches at 100 accounts × 17 regions); scanning each
/// summary's 133 rules with <see cref="RuleMatcher.Match"/> took most of the collection's CPU. Answers
/// exactly what <see cref="RuleMatcher.Match"/> answers on the same rules.
/// </summary>
internal sealed class RuleIndex
{
    private const string PackInfix = "-conformance-pack-";
    private const string ProcessCheck = "AWS_CONFIG_PROCESS_CHECK";

    private readonly IReadOnlyList<DeployedRule> _rules;
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPack = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byIdentifier = new(StringComparer.Ordinal);

    public RuleIndex(IReadOnlyList<DeployedRule> rules)
    {
        _rules = rules;
        for (var i = 0; i < rules.Count; i++)
        {
            var name = rules[i].Name;
            Add(_byName, name, i);

            // A name matches "n-conformance-pack-..." for every n that ends where the infix starts.
            for (var at = name.IndexOf(PackInfix, StringComparison.Ordinal); at >= 0; at = name.IndexOf(PackInfix, at + 1, StringComparison.Ordinal))
            {
                Add(_byPack, name[..at], i);
            }

            if (rules[i].Identifier is { } identifier)
            {
                Add(_byIdentifier, identifier, i);
            }
        }
    }

    /// <summary>The names of the deployed rules <paramref name="rule"/> means, distinct and in ordinal order.</summary>
    public IReadOnlyList<string> Match(string rule, string? packName)
    {
        var hits = new HashSet<int>();
        foreach (var name in RuleMatcher.Names(rule, packName))
        {
            hits.UnionWith(_byName.GetValueOrDefault(name) ?? []);
            hits.UnionWith(_byPack.GetValueOrDefault(name) ?? []);
        }

        if (rule != ProcessCheck || packName is null)
        {
            hits.UnionWith(_byIdentifier.GetValueOrDefault(rule) ?? []);
        }

        return [.. hits.Select(i => _rules[i].Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The deployed rules <paramref name="rule"/> means, in the order they were listed, every row of a matching name.</summary>
    public List<DeployedRule> Matching(string rule, string? packName)
    {
        var names = Match(rule, packName);
        if (names.Count == 0)
        {
            return [];
        }

        var rows = new SortedSet<int>();
        foreach (var name in names)
        {
            rows.UnionWith(_byName[name]);
        }

        return [.. rows.Select(i => _rules[i])];
    }

    private static void Add(Dictionary<string, List<int>> index, string key, int row)
    {
        if (!index.TryGetValue(key, out var rows))
        {
            index[key] = rows = [];
        }

        rows.Add(row);
    }
}

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Finds the deployed rules a query means. A query names a managed-rule identifier
/// (S3_BUCKET_PUBLIC_READ_PROHIBITED) or a rule name; a conformance pack deploys a rule as
/// <c>&lt;name&gt;-conformance-pack-&lt;suffix&gt;</c>, where the name is the pack's (the catalog's
/// <c>name</c>, usually the identifier in lower case with hyphens). A rule matches by identifier or by
/// name. The process-check identifier is shared by every process-check rule, so it matches by name
/// alone when a name is known.
/// </summary>
internal static class RuleMatcher
{
    private const string PackInfix = "-conformance-pack-";
    private const string ProcessCheck = "AWS_CONFIG_PROCESS_CHECK";

    public static IReadOnlyList<string> Match(IEnumerable<DeployedRule> deployed, string rule, string? packName)
    {
        var names = Names(rule, packName);
        var useIdentifier = rule != ProcessCheck || packName is null;
        return deployed
            .Where(r => names.Any(n => r.Name == n || r.Name.StartsWith(n + PackInfix, StringComparison.Ordinal))
                        || (useIdentifier && r.Identifier == rule))
            .Select(r => r.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The names a rule may be deployed under: as written, the pack's name for it, and the identifier's conventional name.</summary>
    public static IReadOnlyList<string> Names(string rule, string? packName)
    {
        var names = new List<string> { rule };
        if (packName is not null)
        {
            names.Add(packName);
        }

        if (!rule.Any(char.IsLower))
        {
            names.Add(rule.ToLowerInvariant().Replace('_', '-'));
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}

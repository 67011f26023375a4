using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// Just enough of AWS Config's SQL for tests: <c>SELECT field, ... [WHERE condition AND ...]</c>, where a
/// condition is <c>resourceType = '...'</c> or <c>resourceType IN (...)</c>, <c>tags.tag = 'key=value'</c>,
/// <c>tags.key = 'key'</c>, or either tag test after <c>NOT</c> (no tag in the array matches, as the
/// service evaluates a condition against every element of an array). Anything else is an
/// InvalidExpressionException, as the service would answer a syntax error.
/// </summary>
internal sealed partial record FakeSelectExpression(IReadOnlyList<string> Fields, IReadOnlyList<string> ResourceTypes)
{
    private IReadOnlyList<(bool Negated, Func<FakeResource, bool> Test)> TagTests { get; init; } = [];

    /// <summary><c>configuration.complianceType = '...'</c>, for <c>AWS::Config::ResourceCompliance</c>; null when not asked.</summary>
    public string? ComplianceType { get; init; }

    public static FakeSelectExpression Parse(string? expression)
    {
        var match = expression is null ? Match.Empty : Select().Match(expression);
        if (!match.Success)
        {
            throw Invalid("the query must start with SELECT");
        }

        var fields = match.Groups["fields"].Value.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        var types = new List<string>();
        var tags = new List<(bool, Func<FakeResource, bool>)>();
        string? compliance = null;
        if (match.Groups["where"].Success)
        {
            foreach (var condition in And().Split(match.Groups["where"].Value.Trim()))
            {
                if (TypeCondition().Match(condition) is { Success: true } type)
                {
                    types.AddRange(Literal().Matches(type.Groups["values"].Value).Select(m => m.Groups["value"].Value));
                }
                else if (TagCondition().Match(condition) is { Success: true } tag)
                {
                    var value = tag.Groups["value"].Value;
                    Func<FakeResource, bool> test = tag.Groups["field"].Value.Equals("tag", StringComparison.OrdinalIgnoreCase)
                        ? r => r.Tags.Any(t => $"{t.Key}={t.Value}" == value)
                        : r => r.Tags.Any(t => t.Key == value);
                    tags.Add((tag.Groups["not"].Success, test));
                }
                else if (ComplianceCondition().Match(condition) is { Success: true } state)
                {
                    compliance = state.Groups["value"].Value;
                }
                else
                {
                    throw Invalid($"unsupported condition '{condition.Trim()}'");
                }
            }
        }

        return new FakeSelectExpression(fields, types) { TagTests = tags, ComplianceType = compliance };
    }

    public bool Matches(FakeResource resource) =>
        (ResourceTypes.Count == 0 || ResourceTypes.Contains(resource.ResourceType)) &&
        TagTests.All(t => t.Test(resource) != t.Negated);

    private static FakeAwsException Invalid(string why) => new(400, "InvalidExpressionException", $"Invalid expression: {why}");

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>.+?)(\s+WHERE\s+(?<where>.*))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex(@"\s+AND\s+", RegexOptions.IgnoreCase)]
    private static partial Regex And();

    [GeneratedRegex(@"^\s*resourceType\s*(=|IN)\s*(?<values>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TypeCondition();

    [GeneratedRegex(@"^\s*(?<not>NOT\s+)?tags\.(?<field>tag|key)\s*=\s*'(?<value>[^']*)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TagCondition();

    [GeneratedRegex(@"^\s*configuration\.complianceType\s*=\s*'(?<value>[A-Z_]+)'\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ComplianceCondition();

    [GeneratedRegex(@"'(?<value>[^']+)'")]
    private static partial Regex Literal();
}

using System.Text.RegularExpressions;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// Just enough of AWS Config's SQL for tests: <c>SELECT field, ... [WHERE resourceType = '...' | IN (...)]</c>.
/// Anything else is an InvalidExpressionException, as the service would answer a syntax error.
/// </summary>
internal sealed partial record FakeSelectExpression(IReadOnlyList<string> Fields, IReadOnlyList<string> ResourceTypes)
{
    public static FakeSelectExpression Parse(string? expression)
    {
        var match = expression is null ? Match.Empty : Select().Match(expression);
        if (!match.Success)
        {
            throw new FakeAwsException(400, "InvalidExpressionException", "Invalid expression: the query must start with SELECT");
        }

        var fields = match.Groups["fields"].Value.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
        var types = match.Groups["where"].Success
            ? TypeLiteral().Matches(match.Groups["where"].Value).Select(m => m.Groups["type"].Value).ToList()
            : [];
        return new FakeSelectExpression(fields, types);
    }

    public bool Matches(FakeResource resource) => ResourceTypes.Count == 0 || ResourceTypes.Contains(resource.ResourceType);

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>.+?)(\s+WHERE\s+(?<where>.*))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex(@"'(?<type>[^']+)'")]
    private static partial Regex TypeLiteral();
}

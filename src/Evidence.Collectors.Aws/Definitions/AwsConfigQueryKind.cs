using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>
/// <c>kind: aws-config-query</c>: an AWS Config advanced query, answered by each account and region
/// in scope, or once by the aggregator when the query or the boundary names one and the query names no accounts.
/// </summary>
internal sealed class AwsConfigQueryKind : QueryKind
{
    public static AwsConfigQueryKind Instance { get; } = new();

    public override string Name => "aws-config-query";

    public override CloudDefinition Cloud => AwsCloud.Instance;

    internal override IReadOnlyList<string> Keys { get; } = ["id", "title", "expression", "fail_when", "severity", "aggregator", "accounts", "regions"];

    internal override EvidenceQuery? Read(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var title = map.String("title", required: true);
        var expression = map.String("expression", required: true);
        var failWhen = ReadFailWhen(map);
        var aggregator = map.String("aggregator");
        var accounts = map.Texts("accounts").Select(s => s.Value).ToList();
        var regions = map.Texts("regions").Select(s => s.Value).ToList();
        if (expression is not null && !expression.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            map.Diagnostics.Error(map.At("expression"), "'expression' must be an AWS Config advanced query starting with SELECT");
        }

        return id is null || title is null || expression is null || failWhen is null ? null : new AwsConfigAdvancedQuery(id.Value.Value, title, expression)
        {
            FailWhen = failWhen.Value,
            Aggregator = aggregator, Accounts = accounts, Regions = regions, Location = map.Location,
        };
    }

    internal override IEnumerable<EvidenceSource> Sources(EvidenceQuery query, Boundary boundary)
    {
        if (query is not AwsConfigAdvancedQuery q)
        {
            return [];
        }

        if ((q.Aggregator is not null || boundary.Aws?.Aggregator is not null) && q.Accounts.Count == 0)
        {
            return boundary.Aws?.Aggregator is { } aggregator ? [AwsCloud.Source(aggregator.Account, aggregator.Region)] : [];
        }

        return AwsScope.Sources(boundary, q.Accounts, q.Regions);
    }

    internal override IEnumerable<Diagnostic> CheckScope(EvidenceQuery query, Boundary boundary) =>
        query is AwsConfigAdvancedQuery q ? AwsScope.Check(boundary, q.Accounts, q.Regions, query) : [];
}

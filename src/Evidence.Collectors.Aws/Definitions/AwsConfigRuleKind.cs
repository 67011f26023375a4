using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary><c>kind: aws-config</c>: one AWS Config rule's per-resource evaluations.</summary>
internal sealed class AwsConfigRuleKind : QueryKind
{
    public static AwsConfigRuleKind Instance { get; } = new();

    public override string Name => "aws-config";

    public override CloudDefinition Cloud => AwsCloud.Instance;

    internal override IReadOnlyList<string> Keys { get; } = ["expect_resources", "severity", "rule", "conformance_pack", "aggregator", "accounts", "regions"];

    internal override EvidenceQuery? Read(YamlMap map)
    {
        var rule = map.String("rule", required: true);
        var pack = map.String("conformance_pack");
        var aggregator = map.String("aggregator");
        var accounts = map.Texts("accounts").Select(s => s.Value).ToList();
        var regions = map.Texts("regions").Select(s => s.Value).ToList();
        return rule is null ? null : new AwsConfigRuleQuery(rule)
        {
            ConformancePack = pack, Aggregator = aggregator, Accounts = accounts, Regions = regions, Location = map.Location,
        };
    }

    internal override IEnumerable<EvidenceSource> Sources(EvidenceQuery query, Boundary boundary) =>
        query is AwsConfigRuleQuery q ? AwsScope.Sources(boundary, q.Accounts, q.Regions) : [];

    internal override IEnumerable<Diagnostic> CheckScope(EvidenceQuery query, Boundary boundary) =>
        query is AwsConfigRuleQuery q ? AwsScope.Check(boundary, q.Accounts, q.Regions, query) : [];
}

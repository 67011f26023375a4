using Evidence.Core.Queries;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>Per-resource evaluations of one AWS Config rule, by managed-rule identifier or rule name.</summary>
public sealed record AwsConfigRuleQuery(string Rule) : EvidenceQuery
{
    public override QueryKind Kind => AwsConfigRuleKind.Instance;

    public override string Key => $"aws-config/{Rule}";

    public string? ConformancePack { get; init; }

    public string? Aggregator { get; init; }

    /// <summary>Accounts to collect from; empty means every account in the boundary.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>Regions to collect from; empty means every region of each account.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public override string ShortName => Rule;

    public override string Describe() => $"AWS Config rule {Rule}";
}

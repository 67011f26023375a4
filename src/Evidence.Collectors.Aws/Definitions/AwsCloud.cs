using Evidence.Core.Catalog;
using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Validation;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>AWS: AWS Config rule evaluations and advanced queries, per account and region or through an aggregator.</summary>
public sealed class AwsCloud : CloudDefinition
{
    private AwsCloud()
    {
    }

    /// <summary>The definition the composition root registers with <see cref="CloudRegistry"/>.</summary>
    public static AwsCloud Instance { get; } = new();

    public override string Name => "aws";

    public override string Title => "AWS";

    /// <inheritdoc />
    public override string ComplianceService => "AWS Config";

    public override IReadOnlyList<QueryKind> QueryKinds { get; } = [AwsConfigRuleKind.Instance, AwsConfigQueryKind.Instance];

    public override string RowColumns => "account, region, resource_type, resource_id, annotation";

    public override string SourceShape => "{cloud: aws, account, region}";

    /// <summary>An AWS source: one account in one region.</summary>
    public static EvidenceSource Source(string account, string region) => new("aws", Account: account, Region: region);

    internal override string MappingFile => "mappings/aws-config.yaml";

    internal override IEnumerable<CloudMapping> ReadMappings(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the AWS Config mapping file", ["conformance_pack", "rules"], diagnostics);
        var pack = map?.String("conformance_pack", required: true);
        foreach (var rule in map?.Maps("rules", "an AWS Config rule mapping", [.. MappingReader.EntryKeys, "identifier", "name"], required: true) ?? [])
        {
            var identifier = rule.String("identifier", required: true);
            var name = rule.String("name", required: true);
            var mapping = MappingReader.ReadCommon(rule, allowAws: true);
            if (identifier is not null && name is not null && mapping is not null)
            {
                var query = new AwsConfigRuleQuery(identifier) { ConformancePack = pack, Location = rule.Location, ExpectResources = mapping.ExpectResources, Severity = mapping.Severity };
                yield return mapping with { Query = query, Title = name };
            }
        }
    }

    internal override IReadOnlyList<string> BoundaryKeys { get; } = ["aggregator", "accounts"];

    internal override CloudBoundary ReadBoundary(YamlMap map)
    {
        AwsAggregator? aggregator = null;
        if (map.Map("aggregator", "'boundary.aws.aggregator'", ["name", "account", "region"]) is { } agg)
        {
            var name = agg.String("name", required: true);
            var account = agg.Text("account", required: true);
            var region = agg.Text("region", required: true);
            AwsIds.CheckAccount(agg, account);
            AwsIds.CheckRegion(agg, region);
            aggregator = name is null || account is null || region is null
                ? null
                : new AwsAggregator(name, account.Value.Value, region.Value.Value, agg.Location);
        }

        var accounts = new List<AwsAccount>();
        foreach (var entry in map.Maps("accounts", "an AWS account", ["id", "name", "regions"], required: true))
        {
            var id = entry.Text("id", required: true);
            var name = entry.String("name");
            var regions = entry.Texts("regions", required: true);
            AwsIds.CheckAccount(entry, id);
            foreach (var region in regions)
            {
                AwsIds.CheckRegion(entry, region);
            }

            if (id is not null)
            {
                accounts.Add(new AwsAccount(id.Value.Value, name, regions.Select(r => r.Value).ToList(), id.Value.Location));
            }
        }

        return new AwsBoundary(aggregator, accounts);
    }

    internal override IEnumerable<Diagnostic> CheckBoundary(Boundary boundary) =>
        Problems.Duplicates(boundary.Aws?.Accounts ?? [], a => a.Id, a => a.Location, (a, first) => $"AWS account {a.Id} is listed twice (first at {first})");

    public override CloudBoundary? Part(Boundary boundary) => boundary.Aws;

    public override IReadOnlyDictionary<string, object?> TemplateModel(CloudBoundary part)
    {
        var aws = (AwsBoundary)part;
        return new Dictionary<string, object?>
        {
            ["accounts"] = aws.Accounts.Select(a => new Dictionary<string, object?>
            {
                ["id"] = a.Id, ["name"] = a.Name, ["regions"] = a.Regions, ["regions_text"] = string.Join(", ", a.Regions),
            }).ToList(),
            ["aggregator"] = aws.Aggregator is not { } g ? null : new Dictionary<string, object?>
            {
                ["name"] = g.Name, ["account"] = g.Account, ["region"] = g.Region,
            },
        };
    }

    public override bool IsComplete(EvidenceSource source) => source.Account is not null && source.Region is not null;

    public override string Describe(EvidenceSource source) => $"aws {source.Account}/{source.Region}";

    public override string DescribeForPeople(EvidenceSource source, Boundary boundary)
    {
        var name = boundary.Aws?.Accounts.FirstOrDefault(a => a.Id == source.Account)?.Name;
        return $"AWS {source.Account}{(name is null ? string.Empty : $" ({name})")} {source.Region}";
    }

    public override string ShortName(EvidenceSource source, Boundary boundary) =>
        boundary.Aws?.Accounts.FirstOrDefault(a => a.Id == source.Account)?.Name ?? source.Account ?? "organization";
}

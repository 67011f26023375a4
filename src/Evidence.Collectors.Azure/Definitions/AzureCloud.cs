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

namespace Evidence.Collectors.Azure.Definitions;

/// <summary>Azure: Policy compliance states and Resource Graph queries, per subscription or management group.</summary>
public sealed class AzureCloud : CloudDefinition
{
    private AzureCloud()
    {
    }

    /// <summary>The definition the composition root registers with <see cref="CloudRegistry"/>.</summary>
    public static AzureCloud Instance { get; } = new();

    public override string Name => "azure";

    public override string Title => "Azure";

    /// <inheritdoc />
    public override string ComplianceService => "Azure Policy";

    public override IReadOnlyList<QueryKind> QueryKinds { get; } = [AzurePolicyKind.Instance, AzureResourceGraphKind.Instance];

    public override string RowColumns => "subscription, resource_type, resource_id, annotation";

    public override string SourceShape => "{cloud: azure, subscription or management_group}";

    /// <summary>An Azure source: one subscription (its id lower-cased, as Azure compares it).</summary>
    public static EvidenceSource Subscription(string subscription) => new("azure", Subscription: subscription);

    /// <summary>An Azure source: one management group.</summary>
    public static EvidenceSource ManagementGroup(string group) => new("azure", ManagementGroup: group);

    internal override string MappingFile => "mappings/azure-policy.yaml";

    internal override IEnumerable<CloudMapping> ReadMappings(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the Azure Policy mapping file", ["initiative", "policies"], diagnostics);
        map?.String("initiative", required: true);
        foreach (var policy in map?.Maps("policies", "an Azure Policy mapping", [.. MappingReader.EntryKeys, "definition", "title"], required: true) ?? [])
        {
            var definition = policy.String("definition", required: true);
            var title = policy.String("title", required: true);
            var mapping = MappingReader.ReadCommon(policy, allowAws: false);
            if (definition is not null && title is not null && mapping is not null)
            {
                var query = new AzurePolicyQuery(AzurePolicyTarget.Definition, definition)
                {
                    Location = policy.Location, DisplayName = title, ExpectResources = mapping.ExpectResources, Severity = mapping.Severity,
                };
                yield return mapping with { Query = query, Title = title };
            }
        }
    }

    internal override IReadOnlyList<string> BoundaryKeys { get; } = ["cloud", "subscriptions", "management_groups"];

    internal override CloudBoundary ReadBoundary(YamlMap map)
    {
        var cloud = map.Text("cloud");
        if (cloud is { } c && !AzureIds.Clouds.Contains(c.Value) && !c.Value.StartsWith("https://", StringComparison.Ordinal))
        {
            map.Diagnostics.Error(c.Location, $"'{c.Value}' is not an Azure cloud{Suggestions.DidYouMean(c.Value, AzureIds.Clouds)}; use {string.Join(", ", AzureIds.Clouds)} or an https:// Resource Manager URL");
        }

        var subscriptions = new List<AzureSubscription>();
        foreach (var entry in map.Maps("subscriptions", "an Azure subscription", ["id", "name"]))
        {
            var id = entry.Text("id", required: true);
            var name = entry.String("name");
            AzureIds.CheckSubscription(entry, id);
            if (id is not null)
            {
                subscriptions.Add(new AzureSubscription(id.Value.Value.ToLowerInvariant(), name, id.Value.Location));
            }
        }

        var groups = map.Texts("management_groups").Select(g => g.Value).ToList();
        if (subscriptions.Count == 0 && groups.Count == 0)
        {
            map.Diagnostics.Error(map.Location, "'boundary.azure' needs at least one subscription or management group");
        }

        return new AzureBoundary(cloud?.Value ?? "AzureCloud", subscriptions, groups);
    }

    internal override IEnumerable<Diagnostic> CheckBoundary(Boundary boundary) =>
        Problems.Duplicates(boundary.Azure?.Subscriptions ?? [], s => s.Id, s => s.Location, (s, first) => $"Azure subscription {s.Id} is listed twice (first at {first})");

    public override CloudBoundary? Part(Boundary boundary) => boundary.Azure;

    public override IReadOnlyDictionary<string, object?> TemplateModel(CloudBoundary part)
    {
        var azure = (AzureBoundary)part;
        return new Dictionary<string, object?>
        {
            ["cloud"] = azure.Cloud,
            ["subscriptions"] = azure.Subscriptions.Select(s => new Dictionary<string, object?> { ["id"] = s.Id, ["name"] = s.Name }).ToList(),
            ["management_groups"] = azure.ManagementGroups,
        };
    }

    public override bool IsComplete(EvidenceSource source) => source.Subscription is not null || source.ManagementGroup is not null;

    public override string Describe(EvidenceSource source) =>
        source.ManagementGroup is not null ? $"azure management group {source.ManagementGroup}" : $"azure {source.Subscription}";

    public override string DescribeForPeople(EvidenceSource source, Boundary boundary)
    {
        if (source.ManagementGroup is { } group)
        {
            return $"Azure management group {group}";
        }

        var name = boundary.Azure?.Subscriptions.FirstOrDefault(s => string.Equals(s.Id, source.Subscription, StringComparison.OrdinalIgnoreCase))?.Name;
        return name is null ? $"Azure subscription {source.Subscription}" : $"Azure subscription {name} ({source.Subscription})";
    }

    public override string ShortName(EvidenceSource source, Boundary boundary) =>
        source.ManagementGroup ?? boundary.Azure?.Subscriptions.FirstOrDefault(s => string.Equals(s.Id, source.Subscription, StringComparison.OrdinalIgnoreCase))?.Name ?? source.Subscription ?? "azure";

    /// <summary>Azure answers resource ids in varying case and compares them without it.</summary>
    public override string ResourceKey(string resourceId) => resourceId.ToLowerInvariant();

    public override string ResourceName(string resourceId) =>
        resourceId.Contains('/', StringComparison.Ordinal) ? resourceId.TrimEnd('/').Split('/')[^1] : resourceId;
}

using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Reads the <c>boundary</c> of <c>evidence.yaml</c>.</summary>
internal static class BoundaryReader
{
    public static readonly string[] Keys = ["description", "aws", "azure"];
    private static readonly string[] AwsKeys = ["aggregator", "accounts"];
    private static readonly string[] AggregatorKeys = ["name", "account", "region"];
    private static readonly string[] AccountKeys = ["id", "name", "regions"];
    private static readonly string[] AzureKeys = ["cloud", "subscriptions", "management_groups"];
    private static readonly string[] SubscriptionKeys = ["id", "name"];

    public static Boundary? Read(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var description = map.String("description");
        var aws = ReadAws(map.Map("aws", "'boundary.aws'", AwsKeys));
        var azure = ReadAzure(map.Map("azure", "'boundary.azure'", AzureKeys));
        return new Boundary(description, aws, azure);
    }

    private static AwsBoundary? ReadAws(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        AwsAggregator? aggregator = null;
        if (map.Map("aggregator", "'boundary.aws.aggregator'", AggregatorKeys) is { } agg)
        {
            var name = agg.String("name", required: true);
            var account = agg.Text("account", required: true);
            var region = agg.Text("region", required: true);
            CloudIds.CheckAccount(agg, account);
            CloudIds.CheckRegion(agg, region);
            aggregator = name is null || account is null || region is null
                ? null
                : new AwsAggregator(name, account.Value.Value, region.Value.Value, agg.Location);
        }

        var accounts = new List<AwsAccount>();
        foreach (var entry in map.Maps("accounts", "an AWS account", AccountKeys, required: true))
        {
            var id = entry.Text("id", required: true);
            var name = entry.String("name");
            var regions = entry.Texts("regions", required: true);
            CloudIds.CheckAccount(entry, id);
            foreach (var region in regions)
            {
                CloudIds.CheckRegion(entry, region);
            }

            if (id is not null)
            {
                accounts.Add(new AwsAccount(id.Value.Value, name, regions.Select(r => r.Value).ToList(), id.Value.Location));
            }
        }

        return new AwsBoundary(aggregator, accounts);
    }

    private static AzureBoundary? ReadAzure(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var cloud = map.Text("cloud");
        if (cloud is { } c && !CloudIds.AzureClouds.Contains(c.Value) && !c.Value.StartsWith("https://", StringComparison.Ordinal))
        {
            map.Diagnostics.Error(c.Location, $"'{c.Value}' is not an Azure cloud{Diagnostics.Suggestions.DidYouMean(c.Value, CloudIds.AzureClouds)}; use {string.Join(", ", CloudIds.AzureClouds)} or an https:// Resource Manager URL");
        }

        var subscriptions = new List<AzureSubscription>();
        foreach (var entry in map.Maps("subscriptions", "an Azure subscription", SubscriptionKeys))
        {
            var id = entry.Text("id", required: true);
            var name = entry.String("name");
            CloudIds.CheckSubscription(entry, id);
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
}

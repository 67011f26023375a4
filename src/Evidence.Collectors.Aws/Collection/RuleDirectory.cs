using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Which rules are deployed where, asked once per account and region (DescribeConfigRules) or per
/// aggregator, account and region (DescribeAggregateComplianceByConfigRules) and shared by every task
/// there. A lookup that failed for a passing reason (throttling, a server error) is asked again.
/// </summary>
internal sealed class RuleDirectory(AwsConfigClient client)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<RuleLookup>>> _cache = new(StringComparer.Ordinal);

    public Task<RuleLookup> DeployedAsync(string account, string region, ICollectionProgress progress, CancellationToken cancellationToken) =>
        CachedAsync($"{account}/{region}", () => DescribeAsync(account, region, progress, cancellationToken));

    public Task<RuleLookup> AggregatedAsync(
        AggregatorTarget aggregator, string account, string region, ICollectionProgress progress, CancellationToken cancellationToken) =>
        CachedAsync($"{aggregator.Name}@{aggregator.Region}/{account}/{region}", () => AggregateAsync(aggregator, account, region, progress, cancellationToken));

    private async Task<RuleLookup> CachedAsync(string key, Func<Task<RuleLookup>> load)
    {
        var entry = _cache.GetOrAdd(key, _ => new Lazy<Task<RuleLookup>>(load, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var lookup = await entry.Value.ConfigureAwait(false);
            if (lookup.IsTransient)
            {
                _cache.TryRemove(KeyValuePair.Create(key, entry));
            }

            return lookup;
        }
        catch
        {
            _cache.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private async Task<RuleLookup> DescribeAsync(string account, string region, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var rules = new List<DeployedRule>();
        var pages = new List<AwsConfigResponse>();
        var error = await Pager.AllPagesAsync(client, AwsConfigOperation.DescribeConfigRules, region, SourceOf(account, region), [], pages.Add, page =>
        {
            foreach (var rule in page.Items)
            {
                if (Text(rule, "ConfigRuleName") is not { } name)
                {
                    return Malformed(page.Operation, "a rule without ConfigRuleName");
                }

                var identifier = rule.TryGetProperty("Source", out var source) && source.ValueKind == JsonValueKind.Object ? Text(source, "SourceIdentifier") : null;
                var arn = Text(rule, "ConfigRuleArn")?.Split(':');
                rules.Add(new DeployedRule(name, identifier, arn is { Length: > 4 } && arn[4].Length > 0 ? arn[4] : null));
            }

            progress.Page(Pager.Service, 0);
            return null;
        }, progress, cancellationToken).ConfigureAwait(false);
        return new RuleLookup(rules, pages, error);
    }

    /// <summary>
    /// One account and region's compliance summary through the aggregator, asked afresh and not kept: the bulk
    /// plan reads each once and keeps only what it parsed.
    /// </summary>
    public Task<RuleLookup> SummaryAsync(
        AggregatorTarget aggregator, string account, string region, ICollectionProgress progress, CancellationToken cancellationToken) =>
        AggregateAsync(aggregator, account, region, progress, cancellationToken);

    /// <summary>A row of DescribeAggregateComplianceByConfigRules as a deployed rule with its compliance; null when it has no name.</summary>
    public static DeployedRule? SummaryRow(JsonElement row)
    {
        if (Text(row, "ConfigRuleName") is not { } name)
        {
            return null;
        }

        var compliance = row.TryGetProperty("Compliance", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var contributors = compliance.ValueKind == JsonValueKind.Object && compliance.TryGetProperty("ComplianceContributorCount", out var n) && n.ValueKind == JsonValueKind.Object ? n : default;
        return new DeployedRule(name, null, Text(row, "AccountId"))
        {
            Compliance = compliance.ValueKind == JsonValueKind.Object ? Text(compliance, "ComplianceType") : null,
            NonCompliant = contributors.ValueKind == JsonValueKind.Object && contributors.TryGetProperty("CappedCount", out var count) && count.TryGetInt32(out var capped) ? capped : 0,
            MoreNonCompliant = contributors.ValueKind == JsonValueKind.Object && contributors.TryGetProperty("CapExceeded", out var exceeded) && exceeded.ValueKind == JsonValueKind.True,
        };
    }

    private async Task<RuleLookup> AggregateAsync(
        AggregatorTarget aggregator, string account, string region, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var rules = new List<DeployedRule>();
        var pages = new List<AwsConfigResponse>();
        var request = new JsonObject
        {
            ["ConfigurationAggregatorName"] = aggregator.Name,
            ["Filters"] = new JsonObject { ["AccountId"] = account, ["AwsRegion"] = region },
        };
        var error = await Pager.AllPagesAsync(client, AwsConfigOperation.DescribeAggregateComplianceByConfigRules, aggregator.Region, SourceOf(account, region), request, pages.Add, page =>
        {
            foreach (var row in page.Items)
            {
                if (SummaryRow(row) is not { } rule)
                {
                    return Malformed(page.Operation, "a rule without ConfigRuleName");
                }

                rules.Add(rule);
            }

            progress.Page(Pager.Service, 0);
            return null;
        }, progress, cancellationToken).ConfigureAwait(false);
        return new RuleLookup(rules, pages, error);
    }

    /// <summary>The lookup is shared by every task of the account and region, which all have this source.</summary>
    private static string SourceOf(string account, string region) => Definitions.AwsCloud.Source(account, region).ToString();

    public static AwsConfigError Malformed(AwsConfigOperation operation, string what) =>
        new("MalformedResponse", $"{operation.Name} answered with {what}", AwsErrorKind.Malformed);

    private static string? Text(JsonElement element, string name) =>
        Core.Collection.JsonStrings.Property(element, name);
}

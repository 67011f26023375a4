using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Core.Collection;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// Lists the resources of every rule the summary reported non-compliant, by whichever needs fewer calls:
/// GetAggregateComplianceDetailsByConfigRule with ComplianceType NON_COMPLIANT per rule, account and region
/// (100 a page), or one SelectAggregateResourceConfig over <c>AWS::Config::ResourceCompliance</c> for the
/// whole organisation (100 a page; each item names every rule that evaluated the resource, with its verdict).
/// A rule the summary called non-compliant that the organisation-wide query shows no resource for is asked
/// again per rule, so an item never says less than the summary did.
/// </summary>
internal static class NonCompliantPhase
{
    public const int PageSize = 100;

    public const string Expression =
        "SELECT accountId, awsRegion, configuration.targetResourceId, configuration.targetResourceType, configuration.configRuleList, configurationItemCaptureTime " +
        "WHERE resourceType = 'AWS::Config::ResourceCompliance' AND configuration.complianceType = 'NON_COMPLIANT'";

    /// <summary>Calls to list non-compliant resources rule by rule: a page per 100 of each rule's count.</summary>
    public static long PerRuleCalls(IEnumerable<int> nonCompliant) => nonCompliant.Sum(n => Math.Max(1, (n + PageSize - 1) / PageSize));

    /// <summary>Calls to list <paramref name="nonCompliant"/> non-compliant resources organisation-wide.</summary>
    public static long BulkCalls(long nonCompliant) => Math.Max(1, (nonCompliant + PageSize - 1) / PageSize);

    /// <summary>
    /// The non-compliant rows of every rule in <c>needed</c> (each deployed rule name in each account and region, with the
    /// summary's count of its non-compliant resources). <c>organisationWide</c> is the non-compliant (rule, resource) pairs
    /// the summary counted anywhere in the aggregator: at most the rows of the bulk query, which it prices.
    /// </summary>
    public static async Task<Dictionary<(string Account, string Region, string Rule), NonCompliantRows>> ReadAsync(
        AwsConfigClient client, AggregatorTarget aggregator, IReadOnlyDictionary<(string Account, string Region, string Rule), int> needed, long organisationWide,
        SharedPages pages, ICollectionProgress progress, int concurrency, CancellationToken cancellationToken)
    {
        var found = needed.Keys.ToDictionary(k => k, _ => new NonCompliantRows());
        if (needed.Count == 0)
        {
            return found;
        }

        var rest = needed.Keys.ToList();
        if (BulkCalls(organisationWide) < PerRuleCalls(needed.Values))
        {
            var error = await BulkAsync(client, aggregator, found, pages, progress, cancellationToken).ConfigureAwait(false);
            rest = error is null ? [.. found.Where(f => f.Value.Rows.Count == 0).Select(f => f.Key)] : rest;
            foreach (var key in rest)
            {
                // Pages already saved stay listed; the rows are read again rule by rule.
                found[key].Rows.Clear();
                found[key].LastEvaluated = null;
            }
        }

        await Parallel.ForEachAsync(rest, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (key, token) =>
            await PerRuleAsync(client, aggregator, key, found[key], pages, progress, token).ConfigureAwait(false)).ConfigureAwait(false);
        return found;
    }

    private static async Task PerRuleAsync(
        AwsConfigClient client, AggregatorTarget aggregator, (string Account, string Region, string Rule) key, NonCompliantRows into, SharedPages pages,
        ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var rows = new EvaluationRows(key.Account, key.Region);
        var request = new JsonObject
        {
            ["ConfigurationAggregatorName"] = aggregator.Name, ["ConfigRuleName"] = key.Rule, ["AccountId"] = key.Account, ["AwsRegion"] = key.Region,
            ["ComplianceType"] = "NON_COMPLIANT",
        };
        var error = await Pager.AllPagesAsync(
            client, AwsConfigOperation.GetAggregateComplianceDetailsByConfigRule, aggregator.Region, Definitions.AwsCloud.Source(key.Account, key.Region).ToString(), request,
            page => into.Pages.Add(pages.Save(page)), Pager.AddingTo(rows, "an evaluation result without its resource or compliance type", progress), progress, cancellationToken).ConfigureAwait(false);
        into.Error = error is null ? null : error with { Message = $"{error.Message} (rule {key.Rule})" };
        into.Rows.AddRange(rows.Rows);
        into.LastEvaluated = rows.LastInvoked;
    }

    /// <summary>The organisation-wide query; rows of rules and sources not needed are dropped. Returns the error that stopped it, or null.</summary>
    private static async Task<AwsConfigError?> BulkAsync(
        AwsConfigClient client, AggregatorTarget aggregator, Dictionary<(string, string, string), NonCompliantRows> found, SharedPages pages,
        ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["ConfigurationAggregatorName"] = aggregator.Name, ["Expression"] = Expression };
        return await Pager.AllPagesAsync(client, AwsConfigOperation.SelectAggregateResourceConfig, aggregator.Region, $"aws aggregator {aggregator.Name}", request, _ => { }, page =>
        {
            var touched = new List<NonCompliantRows>();
            var added = 0;
            foreach (var result in page.Items)
            {
                if (!Read(result, found, touched, ref added))
                {
                    return RuleDirectory.Malformed(page.Operation, "a resource compliance item without its account, region, resource or rules");
                }
            }

            if (touched.Count > 0)
            {
                var file = pages.Save(page);
                foreach (var rows in touched.Distinct())
                {
                    rows.Pages.Add(file);
                }
            }

            progress.Page(Pager.Service, added);
            return null;
        }, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One ResourceCompliance item (a JSON document in a string, as AWS sends it, or an object): a row for each needed rule it fails.</summary>
    private static bool Read(JsonElement result, Dictionary<(string, string, string), NonCompliantRows> found, List<NonCompliantRows> touched, ref int added)
    {
        if (result.ValueKind != JsonValueKind.String)
        {
            return ReadItem(result, found, touched, ref added);
        }

        try
        {
            using var document = JsonDocument.Parse(JsonStrings.Read(result));
            return ReadItem(document.RootElement, found, touched, ref added);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ReadItem(JsonElement item, Dictionary<(string, string, string), NonCompliantRows> found, List<NonCompliantRows> touched, ref int added)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("configuration", out var configuration) || configuration.ValueKind != JsonValueKind.Object
            || Text(item, "accountId") is not { } account || Text(item, "awsRegion") is not { } region
            || Text(configuration, "targetResourceId") is not { } resource || Text(configuration, "targetResourceType") is not { } type
            || !configuration.TryGetProperty("configRuleList", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        DateTimeOffset? captured = Text(item, "configurationItemCaptureTime") is { } time
            && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        foreach (var rule in rules.EnumerateArray())
        {
            if (rule.ValueKind == JsonValueKind.Object && Text(rule, "complianceType") == "NON_COMPLIANT"
                && Text(rule, "configRuleName") is { } name && found.TryGetValue((account, region, name), out var rows))
            {
                rows.Rows.Add(new ResultRow(type, resource, "NON_COMPLIANT", account, region, EvaluatedAt: captured));
                rows.LastEvaluated = captured is { } c && (rows.LastEvaluated is null || c > rows.LastEvaluated) ? c : rows.LastEvaluated;
                touched.Add(rows);
                added++;
            }
        }

        return true;
    }

    private static string? Text(JsonElement element, string name) => JsonStrings.Property(element, name);
}

using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// Collects an <c>aws-config</c> query from one account and region: find the deployed rules it means,
/// then every page of their per-resource results, directly (GetComplianceDetailsByConfigRule) or
/// through the organization's aggregator (GetAggregateComplianceDetailsByConfigRule).
/// </summary>
internal sealed class RuleItemCollection(AwsConfigClient client, RuleDirectory directory)
{
    /// <summary>
    /// Every state the API lets a caller filter on. INSUFFICIENT_DATA cannot be asked for per resource
    /// (the API refuses it as a filter), and leaving the filter out may drop NOT_APPLICABLE.
    /// </summary>
    private static readonly string[] ComplianceTypes = ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE"];

    public static IReadOnlyList<string> RequestedComplianceTypes => ComplianceTypes;

    public async Task<EvidenceItem> CollectAsync(
        CollectionTask task, AwsConfigRuleQuery query, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken)
    {
        var recorder = new ItemRecorder(task, writer, client.Options.Time);
        var account = task.Source.Account!;
        var region = task.Source.Region!;
        var aggregator = AggregatorTarget.For(task, query.Aggregator);
        if (aggregator is null && await client.CallerAccountAsync(cancellationToken).ConfigureAwait(false) is { } caller && caller != account)
        {
            return recorder.Failed("WrongAccount", WrongAccount(caller, account));
        }

        var lookup = aggregator is null
            ? await directory.DeployedAsync(account, region, progress, cancellationToken).ConfigureAwait(false)
            : await directory.AggregatedAsync(aggregator, account, region, progress, cancellationToken).ConfigureAwait(false);
        if (lookup.Error is { } error)
        {
            SaveAll(recorder, lookup);
            return recorder.Failed(error.Code, error.Message);
        }

        var owners = lookup.Rules.Select(r => r.Account).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (aggregator is null && owners.Count > 0 && !owners.Contains(account))
        {
            SaveAll(recorder, lookup);
            return recorder.Failed("WrongAccount", WrongAccount(owners[0], account));
        }

        var packName = client.Options.RuleNames.GetValueOrDefault(query.Rule);
        var names = RuleMatcher.Match(lookup.Rules, query.Rule, packName);
        if (names.Count == 0)
        {
            SaveAll(recorder, lookup);
            return recorder.Failed("NoSuchConfigRuleException", NotDeployed(query.Rule, packName, account, region, aggregator));
        }

        var rows = new EvaluationRows(account, region);
        foreach (var name in names)
        {
            var (operation, callRegion, request) = aggregator is null
                ? (AwsConfigOperation.GetComplianceDetailsByConfigRule, region, new JsonObject
                {
                    ["ConfigRuleName"] = name,
                    ["ComplianceTypes"] = new JsonArray([.. ComplianceTypes.Select(t => JsonValue.Create(t))]),
                })
                : (AwsConfigOperation.GetAggregateComplianceDetailsByConfigRule, aggregator.Region, new JsonObject
                {
                    ["ConfigurationAggregatorName"] = aggregator.Name,
                    ["ConfigRuleName"] = name,
                    ["AccountId"] = account,
                    ["AwsRegion"] = region,
                });
            var failure = await Pager.AllPagesAsync(
                client, operation, callRegion, task.Source.ToString(), request, recorder.Save,
                Pager.AddingTo(rows, "an evaluation result without its resource or compliance type", progress), progress, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return recorder.Failed(failure.Code, $"{failure.Message} (rule {name})");
            }
        }

        return recorder.Collected(rows.Rows, rows.LastInvoked);
    }

    public static string WrongAccount(string caller, string account) =>
        $"the AWS credentials are for account {caller}, not {account}: collect through an aggregator (boundary.aws.aggregator) or run with credentials for {account} (--aws-profile)";

    private static void SaveAll(ItemRecorder recorder, RuleLookup lookup)
    {
        foreach (var page in lookup.Pages)
        {
            recorder.Save(page);
        }
    }

    public static string NotDeployed(string rule, string? packName, string account, string region, AggregatorTarget? aggregator)
    {
        var names = string.Join(" or ", RuleMatcher.Names(rule, packName).Select(n => $"'{n}'"));
        var where = aggregator is null ? $"account {account}, region {region}" : $"account {account}, region {region} (as seen through aggregator {aggregator.Name})";
        var identifier = aggregator is null ? $"managed-rule identifier {rule} or " : string.Empty;
        return $"AWS Config rule {rule} is not deployed in {where}: no rule there has the {identifier}name {names} (with or without a conformance-pack suffix)";
    }
}

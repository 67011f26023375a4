using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Queries;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>The calls a task would make, one line each, for <c>evidence collect --dry-run</c>. No credentials, no network.</summary>
internal static class CallPlan
{
    public static IEnumerable<string> Describe(CollectionTask task, AwsConfigClient client)
    {
        var account = task.Source.Account;
        var region = task.Source.Region!;
        string Endpoint(string r)
        {
            try
            {
                return client.Endpoint(r).Url.ToString();
            }
            catch (CollectionAbortedException e)
            {
                return $"(no endpoint: {e.Message})";
            }
        }

        switch (task.Query)
        {
            case AwsConfigRuleQuery query when AggregatorTarget.For(task, query.Aggregator) is { } aggregator:
                var names = Names(query, client);
                yield return $"{AwsConfigOperation.DescribeAggregateComplianceByConfigRules.Name} {Endpoint(aggregator.Region)} ConfigurationAggregatorName={aggregator.Name} AccountId={account} AwsRegion={region} Limit=1000, every page: find rules named {names} (once per account and region)";
                yield return $"{AwsConfigOperation.GetAggregateComplianceDetailsByConfigRule.Name} {Endpoint(aggregator.Region)} ConfigurationAggregatorName={aggregator.Name} ConfigRuleName=<each rule found> AccountId={account} AwsRegion={region} Limit=100, every page";
                break;
            case AwsConfigRuleQuery query:
                yield return $"{AwsConfigOperation.DescribeConfigRules.Name} {Endpoint(region)} account {account}, every page: find rules with identifier {query.Rule} or named {Names(query, client)} (once per account and region)";
                yield return $"{AwsConfigOperation.GetComplianceDetailsByConfigRule.Name} {Endpoint(region)} ConfigRuleName=<each rule found> ComplianceTypes={string.Join(',', RuleItemCollection.RequestedComplianceTypes)} Limit=100, every page";
                break;
            case AwsConfigAdvancedQuery query when AggregatorTarget.For(task, query.Aggregator) is { } aggregator:
                yield return $"{AwsConfigOperation.SelectAggregateResourceConfig.Name} {Endpoint(aggregator.Region)} ConfigurationAggregatorName={aggregator.Name} Expression=\"{Flat(query.Expression)}\" Limit=100, every page";
                break;
            case AwsConfigAdvancedQuery query:
                yield return $"{AwsConfigOperation.SelectResourceConfig.Name} {Endpoint(region)} account {account} Expression=\"{Flat(query.Expression)}\" Limit=100, every page";
                break;
            default:
                yield break;
        }
    }

    private static string Names(AwsConfigRuleQuery query, AwsConfigClient client) =>
        string.Join(" or ", RuleMatcher.Names(query.Rule, client.Options.RuleNames.GetValueOrDefault(query.Rule)).Select(n => $"{n}[-conformance-pack-*]"));

    private static string Flat(string expression) => string.Join(' ', expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

using Evidence.Core.Clouds;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Testing.Fakes.Aws;
using Evidence.Testing.Fakes.Azure;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// Loads the fake AWS Config and Azure Policy servers with the sample scenario: every rule the sample's
/// queries need, deployed by the conformance pack in each account and Region with the scenario's
/// evaluations (except the one rule that is not deployed, and the stale one's old evaluations), the
/// organization aggregator, the recorded resources for the advanced query, each policy definition's
/// states in the Azure subscription, and its tagged data stores for the Resource Graph query. Collecting the sample from these fakes gives its recordings.
/// </summary>
public static class SampleFakes
{
    private static readonly string[] GraphKinds = ["storage", "sql-database", "key-vault"];

    /// <summary>When the fakes say it is (their Date header): a few seconds into the run.</summary>
    public static DateTimeOffset ServerNow { get; } = SampleScenario.StartedAt.AddSeconds(5);

    /// <summary>The fakes' clock for a collection started at <paramref name="runAt"/>.</summary>
    public static DateTimeOffset ServerNowFor(DateTimeOffset runAt) => runAt.AddSeconds(5);

    /// <summary>Loads the scenario as it stood for the collection at <paramref name="runAt"/> (the main run by default).</summary>
    public static void Load(LoadedWorkspace loaded, FakeConfigData aws, FakeAzureServer azure, DateTimeOffset? runAt = null)
    {
        var at = runAt ?? SampleScenario.StartedAt;
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(aws);
        ArgumentNullException.ThrowIfNull(azure);
        var aggregator = loaded.Workspace?.Boundary.Aws?.Aggregator ?? throw new InvalidOperationException("the sample has an AWS aggregator");
        aws.Aggregators.Add(new FakeAggregator(aggregator.Name, aggregator.Account, aggregator.Region));
        foreach (var (account, region, resource) in AwsInventory.All())
        {
            aws.In(account, region).Resources.Add(new FakeResource(resource.Type, resource.Id, resource.Name)
            {
                Tags = resource.Tags.GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
            });
        }

        var deployed = new HashSet<(string, string, string)>();
        var inGraph = new HashSet<string>(StringComparer.Ordinal);
        foreach (var planned in Core.Collection.CollectionPlanner.Plan(loaded))
        {
            switch (planned.Query)
            {
                case AwsConfigRuleQuery q:
                    Deploy(aws, deployed, Identifier(q.Rule), RuleName(loaded, q), planned.Source.Account!, planned.Source.Region!, at);
                    break;
                case AzurePolicyQuery q when planned.Source.Subscription is { } subscription:
                    azure.AddStates(subscription, States(q.Name, subscription, at));
                    break;
                case AzureResourceGraphQuery when planned.Source.Subscription is { } subscription && inGraph.Add(subscription):
                    azure.Graph.Add(subscription, GraphResources(subscription));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A query may name a rule by its identifier (S3_BUCKET_…) or by its deployed name (s3-bucket-…).</summary>
    private static string Identifier(string rule) =>
        rule.Any(char.IsLower) ? rule.Replace('-', '_').ToUpperInvariant() : rule;

    private static string RuleName(LoadedWorkspace loaded, AwsConfigRuleQuery query) =>
        loaded.Catalog.MappingsOf(AwsCloud.Instance).FirstOrDefault(m => m.Query.Key == query.Key)?.Title
        ?? (query.Rule.Any(char.IsLower) ? query.Rule : query.Rule.Replace('_', '-').ToLowerInvariant());

    private static void Deploy(FakeConfigData aws, HashSet<(string, string, string)> deployed, string rule, string ruleName, string account, string region, DateTimeOffset runAt)
    {
        var source = Evidence.Collectors.Aws.Definitions.AwsCloud.Source(account, region);
        var name = $"{ruleName}-conformance-pack-{SampleScenario.PackSuffix(account, region)}";
        if (SampleScenario.Fails(rule, source) || !deployed.Add((account, region, name)))
        {
            return;
        }

        var stale = SampleScenario.IsStale(rule, source, runAt);
        var invoked = stale ? SampleScenario.StaleEvaluation.ToUnixTimeMilliseconds() : SampleClock.RuleInvoked(rule, account, region, stale, runAt);
        var types = AwsRuleScopes.Of(rule);
        var added = aws.In(account, region).AddRule(name, rule, conformancePack: "acme-hipaa");
        var resources = AwsInventory.In(account, region)
            .Where(r => types.Contains(r.Type))
            .OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        for (var index = 0; index < resources.Count; index++)
        {
            var resource = resources[index];
            var (compliance, annotation) = SampleScenario.Aws(rule, account, resource, runAt);
            added.Evaluations.Add(new FakeEvaluation(
                resource.Type, resource.Id, compliance, DateTimeOffset.FromUnixTimeMilliseconds(invoked),
                DateTimeOffset.FromUnixTimeMilliseconds(SampleClock.ResultRecorded(invoked, index, resource.Id, stale)), annotation));
        }
    }

    /// <summary>The subscription's data stores and key vault, tagged as the scenario says, for Resource Graph.</summary>
    private static IEnumerable<FakeGraphResource> GraphResources(string subscription)
    {
        var s = subscription.ToLowerInvariant();
        return GraphKinds
            .SelectMany(kind => AzureInventory.Of(kind, s))
            .Select(r => new FakeGraphResource(r.Id, r.Name, r.Type, s)
            {
                ResourceGroup = r.ResourceGroup, Location = r.Location, Tags = SampleScenario.AzureTags(r),
            });
    }

    private static IEnumerable<FakePolicyState> States(string definition, string subscription, DateTimeOffset runAt)
    {
        var s = subscription.ToLowerInvariant();
        return AzureInventory.Of(AzurePolicyProfiles.Of(definition).Kind, s)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new FakePolicyState(s, r.Id, r.Type, SampleScenario.Azure(definition, r), SampleClock.PolicyEvaluated(definition, r.Id, runAt))
            {
                PolicyDefinitionName = definition.ToLowerInvariant(),
                PolicyAssignmentName = "acme-hipaa-hitrust",
                ResourceGroup = r.ResourceGroup,
                ResourceLocation = r.Location,
            });
    }
}

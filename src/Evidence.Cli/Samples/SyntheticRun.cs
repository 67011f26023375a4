using System.Globalization;
using Evidence.Core.Clouds;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Collectors.Azure.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Cli.Samples;

/// <summary>
/// Writes one evidence run for a workspace: an item for every cloud query and source its controls need,
/// mostly compliant, with <c>rows</c> non-compliant resources spread evenly over the AWS Config rule items.
/// Deterministic: the same workspace and row count give the same run, byte for byte.
/// </summary>
internal static class SyntheticRun
{
    /// <summary>The run's start: a day before the as-of instant the sample is judged at (2026-11-21T09:00:00Z).</summary>
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    private const int CompliantPerItem = 3;

    public static (int Items, int FailingItems) Write(LoadedWorkspace loaded, long rows, string tool)
    {
        var workspace = loaded.Workspace!;
        // The same items a real collection of this workspace would write, with the same ids.
        var tasks = CollectionPlanner.Plan(loaded);
        var ruleCount = tasks.Count(t => t.Query is AwsConfigRuleQuery);
        var writer = EvidenceRunWriter.Start(loaded.Root, StartedAt, workspace.System.Id, tool);
        int ruleIndex = 0, failing = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var share = task.Query is AwsConfigRuleQuery ? Share(rows, ruleCount, ruleIndex++) : 0;
            failing += share > 0 ? 1 : 0;
            var collectedAt = StartedAt.AddSeconds(i);
            var evaluatedAt = collectedAt.AddMinutes(-47);
            writer.Add(Item(writer, task, share, collectedAt, evaluatedAt));
        }

        writer.Complete(StartedAt.AddSeconds(tasks.Count + 30));
        return (tasks.Count, failing);
    }

    /// <summary>Row <paramref name="index"/>'s share of <paramref name="total"/> over <paramref name="count"/> items.</summary>
    private static long Share(long total, int count, int index) =>
        count == 0 ? 0 : (total / count) + (index < total % count ? 1 : 0);

    /// <summary>An item as today's per-rule plan writes it: every resource's row, <paramref name="failing"/> of them non-compliant.</summary>
    internal static EvidenceItem Item(EvidenceRunWriter writer, CollectionTask task, long failing, DateTimeOffset collectedAt, DateTimeOffset evaluatedAt)
    {
        var (id, query, source) = (task.ItemId, task.Query, task.Source);
        IEnumerable<ResultRow> Rows() => Enumerable.Range(0, CompliantPerItem).Select(n => Row(id, query, source, n, "COMPLIANT", evaluatedAt))
            .Concat(LongRange(failing).Select(n => Row(id, query, source, n, "NON_COMPLIANT", evaluatedAt)));

        var raw = new List<StoredFile>();
        switch (query)
        {
            case AwsConfigRuleQuery rule:
                var ruleName = RuleName(rule);
                foreach (var (page, number, next) in ConfigRulePages.Pages(id, Rows(), CompliantPerItem + failing))
                {
                    raw.Add(writer.WriteRaw(id, number, ConfigRulePages.ComplianceDetails(ruleName, page, next)));
                }

                break;
            case AzurePolicyQuery policy:
                raw.Add(writer.WriteRaw(id, 1, ConfigRulePages.PolicyStates(policy.Id, Rows().ToList())));
                break;
            case AzureResourceGraphQuery:
                raw.Add(writer.WriteRaw(id, 1, ConfigRulePages.ResourceGraph(Rows().ToList())));
                break;
            default:
                raw.Add(writer.WriteRaw(id, 1, ConfigRulePages.Select(Rows().ToList())));
                break;
        }

        var (file, count, counts) = writer.WriteResults(id, Rows());
        return task.ItemIn(writer.RunId, ItemStatus.Collected, collectedAt) with
        {
            EvaluatedAt = evaluatedAt, Raw = raw, Results = file, Rows = count, Counts = counts,
        };
    }

    private static IEnumerable<long> LongRange(long count)
    {
        for (long n = 0; n < count; n++)
        {
            yield return n;
        }
    }

    private static ResultRow Row(string itemId, EvidenceQuery query, EvidenceSource source, long n, string compliance, DateTimeOffset evaluatedAt)
    {
        var type = ResourceType(query);
        var resource = source.Cloud == AwsCloud.Instance.Name
            ? $"synthetic-{itemId}-{n.ToString("D6", CultureInfo.InvariantCulture)}"
            : $"/subscriptions/{source.Subscription}/resourcegroups/rg-synthetic/providers/{type.ToLowerInvariant()}/synthetic{n.ToString("D6", CultureInfo.InvariantCulture)}";
        var annotation = compliance == "COMPLIANT" ? null
            : $"Synthetic finding {n + 1} for {query.Describe()}: the resource does not meet the rule.";
        return new ResultRow(type, resource, compliance, source.Account, source.Region, source.Subscription, annotation, evaluatedAt);
    }

    /// <summary>The name an AWS conformance pack gives <paramref name="rule"/>'s Config rule.</summary>
    internal static string RuleName(AwsConfigRuleQuery rule) => rule.Rule.ToLowerInvariant().Replace('_', '-') + "-conformance-pack-synthetic";

    internal static string ResourceType(EvidenceQuery query)
    {
        if (query is AzurePolicyQuery or AzureResourceGraphQuery)
        {
            return "Microsoft.Storage/storageAccounts";
        }

        var rule = (query as AwsConfigRuleQuery)?.Rule ?? string.Empty;
        return rule.Split('_')[0] switch
        {
            "S3" => "AWS::S3::Bucket",
            "IAM" or "MFA" or "ROOT" => "AWS::IAM::User",
            "RDS" => "AWS::RDS::DBInstance",
            "EC2" or "VPC" or "RESTRICTED" or "INCOMING" => "AWS::EC2::SecurityGroup",
            "CLOUDTRAIL" or "CLOUD" => "AWS::CloudTrail::Trail",
            "DYNAMODB" => "AWS::DynamoDB::Table",
            "LAMBDA" => "AWS::Lambda::Function",
            "ELB" or "ALB" or "ELBV2" => "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "KMS" or "CMK" => "AWS::KMS::Key",
            _ => "AWS::::Account",
        };
    }
}

using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>Collects one Config rule in one account and Region: GetComplianceDetailsByConfigRule, every page.</summary>
internal static class AwsRuleItem
{
    /// <param name="itemId">The evidence item's id, which seeds its page tokens.</param>
    /// <param name="rule">The managed-rule identifier, e.g. <c>S3_BUCKET_PUBLIC_READ_PROHIBITED</c>.</param>
    /// <param name="ruleName">The rule's name in the conformance pack, before the deployment suffix.</param>
    /// <param name="source">The account and Region asked.</param>
    public static GeneratedItem Build(string itemId, string rule, string ruleName, EvidenceSource source)
    {
        var account = source.Account!;
        var region = source.Region!;
        var deployedName = $"{ruleName}-conformance-pack-{SampleScenario.PackSuffix(account, region)}";
        if (SampleScenario.Fails(rule, source))
        {
            var message = SampleScenario.FailedMessage(deployedName);
            return GeneratedItem.Failed(AwsConfigPages.Error(SampleScenario.FailedCode, message), new ItemError(SampleScenario.FailedCode, message));
        }

        var stale = SampleScenario.IsStale(rule, source);
        var invoked = SampleClock.RuleInvoked(rule, account, region, stale);
        var types = AwsRuleScopes.Of(rule);
        var evaluations = AwsInventory.In(account, region)
            .Where(r => types.Contains(r.Type))
            .OrderBy(r => r.Type, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select((resource, index) =>
            {
                var (compliance, annotation) = SampleScenario.Aws(rule, account, resource);
                return new AwsEvaluation(resource, compliance, annotation, invoked, SampleClock.ResultRecorded(invoked, index, resource.Id, stale));
            })
            .ToList();
        var rows = evaluations
            .Select(e => new ResultRow(e.Resource.Type, e.Resource.Id, e.Compliance, account, region, Annotation: e.Annotation, EvaluatedAt: SampleClock.Seconds(e.RecordedMs)))
            .ToList();
        return GeneratedItem.Of(AwsConfigPages.ComplianceDetails(itemId, deployedName, evaluations), rows);
    }
}

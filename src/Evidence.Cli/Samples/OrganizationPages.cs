using Evidence.Core.Store;

namespace Evidence.Cli.Samples;

/// <summary>
/// Synthetic AWS Config aggregator responses in their wire shapes, as the organisation-wide bulk plan
/// stores them: one <c>DescribeAggregateComplianceByConfigRules</c> page per account and region (every
/// rule's compliance there, shared by all of that source's items) and <c>GetAggregateComplianceDetailsByConfigRule</c>
/// pages filtered to non-compliant resources (at most 100 results a page, chained by NextToken).
/// </summary>
internal static class OrganizationPages
{
    /// <summary>A summary page: each rule's compliance type in one account and region, with the capped count of non-compliant resources.</summary>
    public static byte[] ComplianceSummary(string account, string region, IEnumerable<(string RuleName, int NonCompliant)> rules) => ConfigRulePages.Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("AggregateComplianceByConfigRules");
        foreach (var (ruleName, nonCompliant) in rules)
        {
            w.WriteStartObject();
            w.WriteString("ConfigRuleName", ruleName);
            w.WriteStartObject("Compliance");
            w.WriteString("ComplianceType", nonCompliant > 0 ? "NON_COMPLIANT" : "COMPLIANT");
            if (nonCompliant > 0)
            {
                // The API caps the contributor count at 100 and says so.
                w.WriteStartObject("ComplianceContributorCount");
                w.WriteNumber("CappedCount", Math.Min(nonCompliant, 100));
                w.WriteBoolean("CapExceeded", nonCompliant > 100);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteString("AccountId", account);
            w.WriteString("AwsRegion", region);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A detail page of non-compliant evaluation results for one rule in one account and region.</summary>
    public static byte[] NonCompliantDetails(string configRuleName, IReadOnlyList<ResultRow> page, string? nextToken) =>
        ConfigRulePages.EvaluationResults("AggregateEvaluationResults", configRuleName, page, nextToken, withSource: true);
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
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
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A summary page: each rule's compliance type in one account and region, with the capped count of non-compliant resources.</summary>
    public static byte[] ComplianceSummary(string account, string region, IEnumerable<(string RuleName, int NonCompliant)> rules) => Json(w =>
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
    public static byte[] NonCompliantDetails(string configRuleName, IReadOnlyList<ResultRow> page, string? nextToken) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("AggregateEvaluationResults");
        foreach (var row in page)
        {
            var time = Epoch(row.EvaluatedAt);
            w.WriteStartObject();
            w.WriteStartObject("EvaluationResultIdentifier");
            w.WriteStartObject("EvaluationResultQualifier");
            w.WriteString("ConfigRuleName", configRuleName);
            w.WriteString("ResourceType", row.ResourceType);
            w.WriteString("ResourceId", row.ResourceId);
            w.WriteString("EvaluationMode", "DETECTIVE");
            w.WriteEndObject();
            w.WritePropertyName("OrderingTimestamp");
            w.WriteRawValue(time);
            w.WriteEndObject();
            w.WriteString("ComplianceType", row.Compliance);
            w.WritePropertyName("ResultRecordedTime");
            w.WriteRawValue(time);
            w.WritePropertyName("ConfigRuleInvokedTime");
            w.WriteRawValue(time);
            if (row.Annotation is not null)
            {
                w.WriteString("Annotation", row.Annotation);
            }

            w.WriteString("AccountId", row.Account);
            w.WriteString("AwsRegion", row.Region);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (nextToken is not null)
        {
            w.WriteString("NextToken", nextToken);
        }

        w.WriteEndObject();
    });

    private static string Epoch(DateTimeOffset? instant) =>
        ((instant ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}

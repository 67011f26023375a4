using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Core.Store;

namespace Evidence.Cli.Samples;

/// <summary>
/// Synthetic cloud responses in their wire shapes: AWS Config GetComplianceDetailsByConfigRule pages of at
/// most 100 EvaluationResults chained by NextToken, a SelectResourceConfig page, and a Policy Insights page.
/// </summary>
internal static class ConfigRulePages
{
    public const int PageSize = 100;

    private static readonly string[] SelectFields = ["resourceId", "resourceType", "accountId", "awsRegion"];

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A GetComplianceDetailsByConfigRule page: one rule's results in one account and region.</summary>
    public static byte[] ComplianceDetails(string configRuleName, IReadOnlyList<ResultRow> page, string? nextToken) =>
        EvaluationResults("EvaluationResults", configRuleName, page, nextToken, withSource: false);

    /// <summary>
    /// A page of evaluation results under <paramref name="arrayName"/>; an aggregator's page
    /// (<paramref name="withSource"/>) also names each result's account and region.
    /// </summary>
    internal static byte[] EvaluationResults(string arrayName, string configRuleName, IReadOnlyList<ResultRow> page, string? nextToken, bool withSource) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(arrayName);
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

            if (withSource)
            {
                w.WriteString("AccountId", row.Account);
                w.WriteString("AwsRegion", row.Region);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (nextToken is not null)
        {
            w.WriteString("NextToken", nextToken);
        }

        w.WriteEndObject();
    });

    /// <summary>
    /// <paramref name="rows"/> (<paramref name="count"/> of them) in pages of <see cref="PageSize"/>, numbered from 1,
    /// each with the NextToken that leads to the next page of item <paramref name="itemId"/> (null on the last).
    /// </summary>
    public static IEnumerable<(ResultRow[] Page, int Number, string? NextToken)> Pages(string itemId, IEnumerable<ResultRow> rows, long count)
    {
        var pages = (int)((count + PageSize - 1) / PageSize);
        var number = 0;
        foreach (var page in rows.Chunk(PageSize))
        {
            number++;
            yield return (page, number, number < pages ? $"{itemId}-page-{number + 1}" : null);
        }
    }

    public static byte[] Select(IReadOnlyList<ResultRow> rows) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("Results");
        foreach (var row in rows)
        {
            w.WriteStringValue(JsonSerializer.Serialize(new Dictionary<string, string?>
            {
                ["resourceId"] = row.ResourceId, ["resourceType"] = row.ResourceType, ["accountId"] = row.Account, ["awsRegion"] = row.Region,
            }));
        }

        w.WriteEndArray();
        w.WriteStartObject("QueryInfo");
        w.WriteStartArray("SelectFields");
        foreach (var field in SelectFields)
        {
            w.WriteStartObject();
            w.WriteString("Name", field);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    });

    public static byte[] PolicyStates(string definitionId, IReadOnlyList<ResultRow> rows) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("@odata.count", rows.Count);
        w.WriteStartArray("value");
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteString("timestamp", row.EvaluatedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("resourceId", row.ResourceId);
            w.WriteString("policyDefinitionId", definitionId);
            w.WriteString("subscriptionId", row.Subscription);
            w.WriteString("resourceType", row.ResourceType);
            w.WriteString("complianceState", row.Compliance == "COMPLIANT" ? "Compliant" : "NonCompliant");
            w.WriteBoolean("isCompliant", row.Compliance == "COMPLIANT");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A Resource Graph <c>resources</c> answer (objectArray) holding <paramref name="rows"/>.</summary>
    public static byte[] ResourceGraph(IReadOnlyList<ResultRow> rows) => Json(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("totalRecords", rows.Count);
        w.WriteNumber("count", rows.Count);
        w.WriteStartArray("data");
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteString("id", row.ResourceId);
            w.WriteString("type", row.ResourceType);
            w.WriteString("subscriptionId", row.Subscription);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("resultTruncated", "false");
        w.WriteEndObject();
    });

    private static string Epoch(DateTimeOffset? instant) =>
        ((instant ?? DateTimeOffset.UnixEpoch).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    internal static byte[] Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}

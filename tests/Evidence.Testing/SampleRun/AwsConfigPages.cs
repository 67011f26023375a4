using System.Text.Json;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// AWS Config responses in their wire form (JSON 1.1): GetComplianceDetailsByConfigRule pages of at most
/// 100 EvaluationResults chained by NextToken, SelectAggregateResourceConfig pages, and the error body.
/// </summary>
internal static class AwsConfigPages
{
    public const int PageSize = 100;

    public static IReadOnlyList<byte[]> ComplianceDetails(string itemId, string configRuleName, IReadOnlyList<AwsEvaluation> evaluations)
    {
        var pages = SampleJson.Pages(evaluations, PageSize);
        return pages.Select((page, index) => SampleJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("EvaluationResults");
            foreach (var evaluation in page)
            {
                WriteEvaluation(w, configRuleName, evaluation);
            }

            w.WriteEndArray();
            WriteNextToken(w, itemId, index, pages.Count);
            w.WriteEndObject();
        })).ToList();
    }

    /// <summary>Pages of a Select(Aggregate)ResourceConfig answer: each result is itself a JSON document, sent as a string.</summary>
    public static IReadOnlyList<byte[]> Select(string itemId, IReadOnlyList<string> fields, IReadOnlyList<string> results)
    {
        var pages = SampleJson.Pages(results, PageSize);
        return pages.Select((page, index) => SampleJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("Results");
            foreach (var result in page)
            {
                w.WriteStringValue(result);
            }

            w.WriteEndArray();
            w.WriteStartObject("QueryInfo");
            w.WriteStartArray("SelectFields");
            foreach (var field in fields)
            {
                w.WriteStartObject();
                w.WriteString("Name", field);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            WriteNextToken(w, itemId, index, pages.Count);
            w.WriteEndObject();
        })).ToList();
    }

    /// <summary>The body of an AWS JSON 1.1 error response.</summary>
    public static byte[] Error(string type, string message) => SampleJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("__type", type);
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    private static void WriteEvaluation(Utf8JsonWriter w, string configRuleName, AwsEvaluation evaluation)
    {
        w.WriteStartObject();
        w.WriteStartObject("EvaluationResultIdentifier");
        w.WriteStartObject("EvaluationResultQualifier");
        w.WriteString("ConfigRuleName", configRuleName);
        w.WriteString("ResourceType", evaluation.Resource.Type);
        w.WriteString("ResourceId", evaluation.Resource.Id);
        w.WriteString("EvaluationMode", "DETECTIVE");
        w.WriteEndObject();
        w.WritePropertyName("OrderingTimestamp");
        w.WriteRawValue(SampleClock.AwsEpoch(evaluation.InvokedMs));
        w.WriteEndObject();
        w.WriteString("ComplianceType", evaluation.Compliance);
        w.WritePropertyName("ResultRecordedTime");
        w.WriteRawValue(SampleClock.AwsEpoch(evaluation.RecordedMs));
        w.WritePropertyName("ConfigRuleInvokedTime");
        w.WriteRawValue(SampleClock.AwsEpoch(evaluation.InvokedMs));
        if (evaluation.Annotation is not null)
        {
            w.WriteString("Annotation", evaluation.Annotation);
        }

        w.WriteEndObject();
    }

    private static void WriteNextToken(Utf8JsonWriter w, string itemId, int index, int count)
    {
        if (index + 1 < count)
        {
            w.WriteString("NextToken", StableHash.Token(96, "next", itemId, index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}

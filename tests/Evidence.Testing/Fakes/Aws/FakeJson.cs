using System.Text.Encodings.Web;
using System.Text.Json;
using Evidence.Testing.SampleRun;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>The JSON the fake writes: compact, unescaped like AWS, timestamps as epoch seconds, and the shapes several operations share.</summary>
internal static class FakeJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static void Next(Utf8JsonWriter w, string? next)
    {
        if (next is not null)
        {
            w.WriteString("NextToken", next);
        }
    }

    public static void WriteEvaluation(Utf8JsonWriter w, string ruleName, FakeEvaluation evaluation, (string Account, string Region)? source)
    {
        w.WriteStartObject();
        w.WriteStartObject("EvaluationResultIdentifier");
        w.WriteStartObject("EvaluationResultQualifier");
        w.WriteString("ConfigRuleName", ruleName);
        w.WriteString("ResourceType", evaluation.ResourceType);
        w.WriteString("ResourceId", evaluation.ResourceId);
        w.WriteString("EvaluationMode", "DETECTIVE");
        w.WriteEndObject();
        w.WritePropertyName("OrderingTimestamp");
        w.WriteRawValue(SampleClock.AwsEpoch(evaluation.Invoked.ToUnixTimeMilliseconds()));
        w.WriteEndObject();
        w.WriteString("ComplianceType", evaluation.Compliance);
        w.WritePropertyName("ResultRecordedTime");
        w.WriteRawValue(SampleClock.AwsEpoch(evaluation.Recorded.ToUnixTimeMilliseconds()));
        w.WritePropertyName("ConfigRuleInvokedTime");
        w.WriteRawValue(SampleClock.AwsEpoch(evaluation.Invoked.ToUnixTimeMilliseconds()));
        if (evaluation.Annotation is not null)
        {
            w.WriteString("Annotation", evaluation.Annotation);
        }

        if (source is { } s)
        {
            w.WriteString("AccountId", s.Account);
            w.WriteString("AwsRegion", s.Region);
        }

        w.WriteEndObject();
    }

    /// <summary>A rule's compliance as the summaries report it: non-compliant if any resource is, insufficient data with no result at all.</summary>
    public static string RuleCompliance(List<FakeEvaluation> evaluations) =>
        evaluations.Any(e => e.Compliance == "NON_COMPLIANT") ? "NON_COMPLIANT" : evaluations.Count == 0 ? "INSUFFICIENT_DATA" : "COMPLIANT";

    public static void WriteSummary(Utf8JsonWriter w, List<FakeEvaluation> evaluations)
    {
        var nonCompliant = evaluations.Count(e => e.Compliance == "NON_COMPLIANT");
        w.WriteStartObject("Compliance");
        w.WriteString("ComplianceType", RuleCompliance(evaluations));
        if (nonCompliant > 0)
        {
            w.WriteStartObject("ComplianceContributorCount");
            w.WriteNumber("CappedCount", Math.Min(nonCompliant, 100));
            w.WriteBoolean("CapExceeded", nonCompliant > 100);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    public static List<string> Strings(FakeAwsRequest request, string name) =>
        request.Body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];
}

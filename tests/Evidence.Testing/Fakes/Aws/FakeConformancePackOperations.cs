using System.Text.Json;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>DescribeConformancePackCompliance and GetConformancePackComplianceDetails over the rules a conformance pack deployed.</summary>
internal static class FakeConformancePackOperations
{
    public static byte[] Describe(FakeAwsRequest request, FakeConfigRegion region)
    {
        var pack = Pack(region, request.Text("ConformancePackName"));
        var (page, next) = FakePaging.Page(pack, request, $"DescribeConformancePackCompliance/{pack[0].ConformancePack}", 1000, 1000);
        return FakeJson.Write(w =>
        {
            w.WriteString("ConformancePackName", pack[0].ConformancePack);
            w.WriteStartArray("ConformancePackRuleComplianceList");
            foreach (var rule in page)
            {
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                w.WriteString("ComplianceType", rule.Evaluations.Any(e => e.Compliance == "NON_COMPLIANT") ? "NON_COMPLIANT" : rule.Evaluations.Count == 0 ? "INSUFFICIENT_DATA" : "COMPLIANT");
                w.WriteStartArray("Controls");
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    public static byte[] Details(FakeAwsRequest request, FakeConfigRegion region)
    {
        var pack = Pack(region, request.Text("ConformancePackName"));
        var results = pack.SelectMany(r => r.Evaluations.Where(e => e.Compliance != "NOT_APPLICABLE").Select(e => (Rule: r.Name, Evaluation: e))).ToList();
        var (page, next) = FakePaging.Page(results, request, $"GetConformancePackComplianceDetails/{pack[0].ConformancePack}", 100, 100);
        return FakeJson.Write(w =>
        {
            w.WriteString("ConformancePackName", pack[0].ConformancePack);
            w.WriteStartArray("ConformancePackRuleEvaluationResults");
            foreach (var (rule, evaluation) in page)
            {
                FakeJson.WriteEvaluation(w, rule, evaluation, null);
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    private static List<FakeConfigRule> Pack(FakeConfigRegion region, string? name)
    {
        var rules = region.Rules.Where(r => r.ConformancePack is not null && r.ConformancePack == name).ToList();
        return rules.Count > 0 ? rules : throw new FakeAwsException(400, "NoSuchConformancePackException", $"Conformance pack '{name}' does not exist.");
    }
}

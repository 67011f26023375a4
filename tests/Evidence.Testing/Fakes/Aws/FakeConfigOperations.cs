using System.Text.Json;
using Evidence.Testing.SampleRun;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// The AWS Config operations the fake answers, with the service's JSON shapes, page sizes and errors.
/// Without ComplianceTypes, GetComplianceDetailsByConfigRule returns COMPLIANT and NON_COMPLIANT results
/// only (an assumption of the fake); INSUFFICIENT_DATA is not accepted as a filter, as the API documents.
/// </summary>
internal static class FakeConfigOperations
{
    private static readonly string[] DefaultTypes = ["COMPLIANT", "NON_COMPLIANT"];
    private static readonly string[] Filterable = ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE"];

    public static bool IsKnown(string operation) => operation is
        "DescribeConfigRules" or "DescribeComplianceByConfigRule" or "GetComplianceDetailsByConfigRule"
        or "DescribeConformancePackCompliance" or "GetConformancePackComplianceDetails"
        or "DescribeAggregateComplianceByConfigRules" or "GetAggregateComplianceDetailsByConfigRule"
        or "SelectResourceConfig" or "SelectAggregateResourceConfig";

    public static byte[] Answer(FakeAwsRequest request, FakeConfigData data) => request.Operation switch
    {
        "DescribeConfigRules" => DescribeConfigRules(request, data.In(request.Account, request.Region)),
        "DescribeComplianceByConfigRule" => DescribeComplianceByConfigRule(request, data.In(request.Account, request.Region)),
        "GetComplianceDetailsByConfigRule" => GetComplianceDetailsByConfigRule(request, data.In(request.Account, request.Region)),
        "DescribeConformancePackCompliance" => FakeConformancePackOperations.Describe(request, data.In(request.Account, request.Region)),
        "GetConformancePackComplianceDetails" => FakeConformancePackOperations.Details(request, data.In(request.Account, request.Region)),
        "DescribeAggregateComplianceByConfigRules" => FakeAggregateOperations.DescribeCompliance(request, data),
        "GetAggregateComplianceDetailsByConfigRule" => FakeAggregateOperations.Details(request, data),
        "SelectResourceConfig" => FakeSelectOperations.Select(request, [data.In(request.Account, request.Region)], aggregate: false, data.SelectResultsAsObjects),
        "SelectAggregateResourceConfig" when FakeComplianceSelect.Asks(request) => FakeComplianceSelect.Select(request, data),
        "SelectAggregateResourceConfig" => FakeSelectOperations.Select(request, FakeAggregateOperations.AggregatorOf(request, data) is { } ? data.Regions.ToList() : [], aggregate: true, data.SelectResultsAsObjects),
        _ => throw new FakeAwsException(400, "UnknownOperationException", request.Operation),
    };

    private static byte[] DescribeConfigRules(FakeAwsRequest request, FakeConfigRegion region)
    {
        var names = FakeJson.Strings(request, "ConfigRuleNames");
        var rules = names.Count == 0 ? region.Rules : names.Select(n => Rule(region, n)).ToList();
        var (page, next) = FakePaging.Page(rules, request, "DescribeConfigRules", 25, null);
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("ConfigRules");
            foreach (var rule in page)
            {
                var id = StableHash.Alphanumeric(6, region.Account, region.Region, rule.Name);
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                w.WriteString("ConfigRuleArn", $"arn:aws:config:{region.Region}:{region.Account}:config-rule/config-rule-{id}");
                w.WriteString("ConfigRuleId", $"config-rule-{id}");
                w.WriteStartObject("Source");
                w.WriteString("Owner", rule.Owner);
                w.WriteString("SourceIdentifier", rule.Identifier);
                w.WriteEndObject();
                w.WriteString("ConfigRuleState", "ACTIVE");
                if (rule.ConformancePack is not null)
                {
                    w.WriteString("CreatedBy", "config-conforms.amazonaws.com");
                }

                w.WriteStartArray("EvaluationModes");
                w.WriteStartObject();
                w.WriteString("Mode", "DETECTIVE");
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    private static byte[] DescribeComplianceByConfigRule(FakeAwsRequest request, FakeConfigRegion region)
    {
        var names = FakeJson.Strings(request, "ConfigRuleNames");
        var rules = names.Count == 0 ? region.Rules : names.Select(n => Rule(region, n)).ToList();
        var (page, next) = FakePaging.Page(rules, request, "DescribeComplianceByConfigRule", 25, null);
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("ComplianceByConfigRules");
            foreach (var rule in page)
            {
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                FakeJson.WriteSummary(w, rule.Evaluations);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    private static byte[] GetComplianceDetailsByConfigRule(FakeAwsRequest request, FakeConfigRegion region)
    {
        var rule = Rule(region, request.Text("ConfigRuleName"));
        var types = Types(request);
        var results = rule.Evaluations.Where(e => types.Contains(e.Compliance)).ToList();
        var (page, next) = FakePaging.Page(results, request, $"GetComplianceDetailsByConfigRule/{rule.Name}", 10, 100);
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("EvaluationResults");
            foreach (var evaluation in page)
            {
                FakeJson.WriteEvaluation(w, rule.Name, evaluation, null);
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    public static FakeConfigRule Rule(FakeConfigRegion region, string? name) =>
        region.Rules.FirstOrDefault(r => r.Name == name)
        ?? throw new FakeAwsException(400, "NoSuchConfigRuleException", $"The ConfigRule '{name}' provided in the request is invalid. Please check the configRule name");

    private static HashSet<string> Types(FakeAwsRequest request)
    {
        var types = FakeJson.Strings(request, "ComplianceTypes");
        if (types.Count > 3 || types.Any(t => !Filterable.Contains(t)))
        {
            throw new FakeAwsException(400, "InvalidParameterValueException", $"ComplianceTypes accepts at most three of {string.Join(", ", Filterable)}");
        }

        return types.Count == 0 ? [.. DefaultTypes] : [.. types];
    }
}

using System.Text.Encodings.Web;
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
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
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
        "DescribeConformancePackCompliance" => DescribeConformancePackCompliance(request, data.In(request.Account, request.Region)),
        "GetConformancePackComplianceDetails" => GetConformancePackComplianceDetails(request, data.In(request.Account, request.Region)),
        "DescribeAggregateComplianceByConfigRules" => DescribeAggregateComplianceByConfigRules(request, data),
        "GetAggregateComplianceDetailsByConfigRule" => GetAggregateComplianceDetailsByConfigRule(request, data),
        "SelectResourceConfig" => Select(request, [data.In(request.Account, request.Region)], aggregate: false),
        "SelectAggregateResourceConfig" => Select(request, AggregatorOf(request, data) is { } ? data.Regions.ToList() : [], aggregate: true),
        _ => throw new FakeAwsException(400, "UnknownOperationException", request.Operation),
    };

    private static byte[] DescribeConfigRules(FakeAwsRequest request, FakeConfigRegion region)
    {
        var names = Strings(request, "ConfigRuleNames");
        var rules = names.Count == 0 ? region.Rules : names.Select(n => Rule(region, n)).ToList();
        var (page, next) = FakePaging.Page(rules, request, "DescribeConfigRules", 25, null);
        return Write(w =>
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
            Next(w, next);
        });
    }

    private static byte[] DescribeComplianceByConfigRule(FakeAwsRequest request, FakeConfigRegion region)
    {
        var names = Strings(request, "ConfigRuleNames");
        var rules = names.Count == 0 ? region.Rules : names.Select(n => Rule(region, n)).ToList();
        var (page, next) = FakePaging.Page(rules, request, "DescribeComplianceByConfigRule", 25, null);
        return Write(w =>
        {
            w.WriteStartArray("ComplianceByConfigRules");
            foreach (var rule in page)
            {
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                WriteSummary(w, rule.Evaluations);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Next(w, next);
        });
    }

    private static byte[] GetComplianceDetailsByConfigRule(FakeAwsRequest request, FakeConfigRegion region)
    {
        var rule = Rule(region, request.Text("ConfigRuleName"));
        var types = Types(request);
        var results = rule.Evaluations.Where(e => types.Contains(e.Compliance)).ToList();
        var (page, next) = FakePaging.Page(results, request, $"GetComplianceDetailsByConfigRule/{rule.Name}", 10, 100);
        return Write(w =>
        {
            w.WriteStartArray("EvaluationResults");
            foreach (var evaluation in page)
            {
                WriteEvaluation(w, rule.Name, evaluation, null);
            }

            w.WriteEndArray();
            Next(w, next);
        });
    }

    private static byte[] DescribeConformancePackCompliance(FakeAwsRequest request, FakeConfigRegion region)
    {
        var pack = Pack(region, request.Text("ConformancePackName"));
        var (page, next) = FakePaging.Page(pack, request, $"DescribeConformancePackCompliance/{pack[0].ConformancePack}", 1000, 1000);
        return Write(w =>
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
            Next(w, next);
        });
    }

    private static byte[] GetConformancePackComplianceDetails(FakeAwsRequest request, FakeConfigRegion region)
    {
        var pack = Pack(region, request.Text("ConformancePackName"));
        var results = pack.SelectMany(r => r.Evaluations.Where(e => e.Compliance != "NOT_APPLICABLE").Select(e => (Rule: r.Name, Evaluation: e))).ToList();
        var (page, next) = FakePaging.Page(results, request, $"GetConformancePackComplianceDetails/{pack[0].ConformancePack}", 100, 100);
        return Write(w =>
        {
            w.WriteString("ConformancePackName", pack[0].ConformancePack);
            w.WriteStartArray("ConformancePackRuleEvaluationResults");
            foreach (var (rule, evaluation) in page)
            {
                WriteEvaluation(w, rule, evaluation, null);
            }

            w.WriteEndArray();
            Next(w, next);
        });
    }

    private static byte[] DescribeAggregateComplianceByConfigRules(FakeAwsRequest request, FakeConfigData data)
    {
        var aggregator = AggregatorOf(request, data)!;
        var filters = request.Body.TryGetProperty("Filters", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        string? Filter(string name) => filters.ValueKind == JsonValueKind.Object && filters.TryGetProperty(name, out var v) ? v.GetString() : null;
        var rows = data.Regions
            .Where(r => Filter("AccountId") is not { } a || r.Account == a)
            .Where(r => Filter("AwsRegion") is not { } g || r.Region == g)
            .SelectMany(r => r.Rules.Select(rule => (Region: r, Rule: rule)))
            .Where(x => Filter("ConfigRuleName") is not { } n || x.Rule.Name == n)
            .ToList();
        var (page, next) = FakePaging.Page(rows, request, $"DescribeAggregateComplianceByConfigRules/{aggregator.Name}", 1000, 1000);
        return Write(w =>
        {
            w.WriteStartArray("AggregateComplianceByConfigRules");
            foreach (var (region, rule) in page)
            {
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                WriteSummary(w, rule.Evaluations);
                w.WriteString("AccountId", region.Account);
                w.WriteString("AwsRegion", region.Region);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Next(w, next);
        });
    }

    private static byte[] GetAggregateComplianceDetailsByConfigRule(FakeAwsRequest request, FakeConfigData data)
    {
        var aggregator = AggregatorOf(request, data)!;
        var account = request.Text("AccountId") ?? throw Validation("accountId");
        var regionName = request.Text("AwsRegion") ?? throw Validation("awsRegion");
        var name = request.Text("ConfigRuleName") ?? throw Validation("configRuleName");
        var type = request.Text("ComplianceType");
        if (type is "NOT_APPLICABLE" or "INSUFFICIENT_DATA")
        {
            throw new FakeAwsException(400, "ValidationException", $"ComplianceType {type} is not supported for aggregate compliance details");
        }

        var rule = data.In(account, regionName).Rules.FirstOrDefault(r => r.Name == name);
        var results = rule?.Evaluations.Where(e => type is null || e.Compliance == type).ToList() ?? [];
        var (page, next) = FakePaging.Page(results, request, $"GetAggregateComplianceDetailsByConfigRule/{aggregator.Name}/{account}/{regionName}/{name}", 50, 100);
        return Write(w =>
        {
            w.WriteStartArray("AggregateEvaluationResults");
            foreach (var evaluation in page)
            {
                WriteEvaluation(w, name, evaluation, (account, regionName));
            }

            w.WriteEndArray();
            Next(w, next);
        });
    }

    private static byte[] Select(FakeAwsRequest request, IReadOnlyList<FakeConfigRegion> regions, bool aggregate)
    {
        var expression = FakeSelectExpression.Parse(request.Text("Expression"));
        var results = regions
            .SelectMany(r => r.Resources.Where(expression.Matches).Select(resource => Result(expression, r, resource)))
            .ToList();
        var scope = aggregate ? $"SelectAggregateResourceConfig/{request.Text("ConfigurationAggregatorName")}" : "SelectResourceConfig";
        var (page, next) = FakePaging.Page(results, request, scope, 100, 100);
        return Write(w =>
        {
            w.WriteStartArray("Results");
            foreach (var result in page)
            {
                w.WriteStringValue(result);
            }

            w.WriteEndArray();
            w.WriteStartObject("QueryInfo");
            w.WriteStartArray("SelectFields");
            foreach (var field in expression.Fields)
            {
                w.WriteStartObject();
                w.WriteString("Name", field);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Next(w, next);
        });
    }

    private static string Result(FakeSelectExpression expression, FakeConfigRegion region, FakeResource resource) =>
        System.Text.Encoding.UTF8.GetString(Write(w =>
        {
            foreach (var field in expression.Fields)
            {
                switch (field)
                {
                    case "resourceId": w.WriteString(field, resource.ResourceId); break;
                    case "resourceName": w.WriteString(field, resource.ResourceName ?? resource.ResourceId); break;
                    case "resourceType": w.WriteString(field, resource.ResourceType); break;
                    case "accountId": w.WriteString(field, region.Account); break;
                    case "awsRegion": w.WriteString(field, region.Region); break;
                    case "tags":
                        w.WriteStartArray(field);
                        foreach (var (key, value) in resource.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
                        {
                            w.WriteStartObject();
                            w.WriteString("key", key);
                            w.WriteString("tag", $"{key}={value}");
                            w.WriteString("value", value);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        break;
                    default: break;
                }
            }
        }));

    private static void WriteEvaluation(Utf8JsonWriter w, string ruleName, FakeEvaluation evaluation, (string Account, string Region)? source)
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

    private static void WriteSummary(Utf8JsonWriter w, List<FakeEvaluation> evaluations)
    {
        var nonCompliant = evaluations.Count(e => e.Compliance == "NON_COMPLIANT");
        w.WriteStartObject("Compliance");
        w.WriteString("ComplianceType", nonCompliant > 0 ? "NON_COMPLIANT" : evaluations.Count == 0 ? "INSUFFICIENT_DATA" : "COMPLIANT");
        if (nonCompliant > 0)
        {
            w.WriteStartObject("ComplianceContributorCount");
            w.WriteNumber("CappedCount", Math.Min(nonCompliant, 100));
            w.WriteBoolean("CapExceeded", nonCompliant > 100);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static FakeConfigRule Rule(FakeConfigRegion region, string? name) =>
        region.Rules.FirstOrDefault(r => r.Name == name)
        ?? throw new FakeAwsException(400, "NoSuchConfigRuleException", $"The ConfigRule '{name}' provided in the request is invalid. Please check the configRule name");

    private static List<FakeConfigRule> Pack(FakeConfigRegion region, string? name)
    {
        var rules = region.Rules.Where(r => r.ConformancePack is not null && r.ConformancePack == name).ToList();
        return rules.Count > 0 ? rules : throw new FakeAwsException(400, "NoSuchConformancePackException", $"Conformance pack '{name}' does not exist.");
    }

    private static FakeAggregator? AggregatorOf(FakeAwsRequest request, FakeConfigData data)
    {
        var name = request.Text("ConfigurationAggregatorName");
        return data.Aggregators.FirstOrDefault(a => a.Name == name && a.Account == request.Account && a.Region == request.Region)
            ?? throw new FakeAwsException(400, "NoSuchConfigurationAggregatorException", $"The configuration aggregator '{name}' does not exist. Check the configuration aggregator name and try again.");
    }

    private static HashSet<string> Types(FakeAwsRequest request)
    {
        var types = Strings(request, "ComplianceTypes");
        if (types.Count > 3 || types.Any(t => !Filterable.Contains(t)))
        {
            throw new FakeAwsException(400, "InvalidParameterValueException", $"ComplianceTypes accepts at most three of {string.Join(", ", Filterable)}");
        }

        return types.Count == 0 ? [.. DefaultTypes] : [.. types];
    }

    private static List<string> Strings(FakeAwsRequest request, string name) =>
        request.Body.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList()
            : [];

    private static FakeAwsException Validation(string member) =>
        new(400, "ValidationException", $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");

    private static void Next(Utf8JsonWriter w, string? next)
    {
        if (next is not null)
        {
            w.WriteString("NextToken", next);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
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
}

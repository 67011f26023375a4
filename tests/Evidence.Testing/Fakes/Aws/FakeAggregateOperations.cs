using System.Text.Json;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>The aggregator's view: compliance by rule and per-resource results for any account and region, asked in the aggregator's own account and region.</summary>
internal static class FakeAggregateOperations
{
    public static byte[] DescribeCompliance(FakeAwsRequest request, FakeConfigData data)
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
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("AggregateComplianceByConfigRules");
            foreach (var (region, rule) in page)
            {
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                FakeJson.WriteSummary(w, rule.Evaluations);
                w.WriteString("AccountId", region.Account);
                w.WriteString("AwsRegion", region.Region);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    public static byte[] Details(FakeAwsRequest request, FakeConfigData data)
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
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("AggregateEvaluationResults");
            foreach (var evaluation in page)
            {
                FakeJson.WriteEvaluation(w, name, evaluation, (account, regionName));
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    public static FakeAggregator? AggregatorOf(FakeAwsRequest request, FakeConfigData data)
    {
        var name = request.Text("ConfigurationAggregatorName");
        return data.Aggregators.FirstOrDefault(a => a.Name == name && a.Account == request.Account && a.Region == request.Region)
            ?? throw new FakeAwsException(400, "NoSuchConfigurationAggregatorException", $"The configuration aggregator '{name}' does not exist. Check the configuration aggregator name and try again.");
    }

    private static FakeAwsException Validation(string member) =>
        new(400, "ValidationException", $"1 validation error detected: Value null at '{member}' failed to satisfy constraint: Member must not be null");
}

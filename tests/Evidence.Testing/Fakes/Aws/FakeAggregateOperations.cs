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
        var (account, region, ruleName, type) = (Filter("AccountId"), Filter("AwsRegion"), Filter("ConfigRuleName"), Filter("ComplianceType"));
        if (type is "NOT_APPLICABLE")
        {
            throw new FakeAwsException(400, "ValidationException", "ComplianceType NOT_APPLICABLE is not supported for rule compliance");
        }

        // Rows of the regions set up one by one, then the organisation's, which are counted, not listed.
        var listed = data.Regions
            .Where(r => aggregator.Sees(r.Account) && (account is null || r.Account == account) && (region is null || r.Region == region))
            .SelectMany(r => r.Rules.Select(rule => (r.Account, r.Region, Rule: rule)))
            .Where(x => (ruleName is null || x.Rule.Name == ruleName) && (type is null || FakeJson.RuleCompliance(x.Rule.Evaluations) == type))
            .ToList();
        var organization = OrganizationRows(data.Organization, aggregator, account, region, ruleName, type);
        var (page, next) = FakePaging.Page(
            listed.Count + organization.Count, i => i < listed.Count ? listed[(int)i] : organization.At(i - listed.Count),
            request, $"DescribeAggregateComplianceByConfigRules/{aggregator.Name}", 1000, 1000);
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("AggregateComplianceByConfigRules");
            foreach (var (rowAccount, rowRegion, rule) in page)
            {
                w.WriteStartObject();
                w.WriteString("ConfigRuleName", rule.Name);
                FakeJson.WriteSummary(w, rule.Evaluations);
                w.WriteString("AccountId", rowAccount);
                w.WriteString("AwsRegion", rowRegion);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    /// <summary>
    /// The organisation's summary rows the filters keep, account-major, then region, then rule. Unfiltered, a
    /// row is computed from its index; a filter on account, region, rule or compliance lists what it keeps.
    /// </summary>
    private static (long Count, Func<long, (string, string, FakeConfigRule)> At) OrganizationRows(
        FakeOrganization? organization, FakeAggregator aggregator, string? account, string? region, string? ruleName, string? type)
    {
        if (organization is null)
        {
            return (0, _ => throw new ArgumentOutOfRangeException(nameof(organization)));
        }

        var rules = organization.Rules.Count;
        (string, string, FakeConfigRule) Row(int source, int rule)
        {
            var (a, r) = organization.Source(source);
            return (a, r, organization.Region(source).Rules[rule]);
        }

        if (account is null && region is null && ruleName is null && type is null && aggregator.Accounts is null)
        {
            return ((long)organization.Sources * rules, i => Row((int)(i / rules), (int)(i % rules)));
        }

        var sources = Enumerable.Range(0, organization.Sources)
            .Where(s => organization.Source(s) is var (a, r) && aggregator.Sees(a) && (account is null || a == account) && (region is null || r == region));
        var kept = sources
            .SelectMany(s => Enumerable.Range(0, rules).Select(j => (Source: s, Rule: j)))
            .Where(x => (ruleName is null || organization.Rules[x.Rule].Name == ruleName)
                        && (type is null || (organization.RuleFails(x.Source, x.Rule) ? "NON_COMPLIANT" : "COMPLIANT") == type))
            .ToList();
        return (kept.Count, i => Row(kept[(int)i].Source, kept[(int)i].Rule));
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

        var rule = aggregator.Sees(account) ? data.In(account, regionName).Rules.FirstOrDefault(r => r.Name == name) : null;
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

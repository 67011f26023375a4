using System.Text;
using System.Text.Json;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// SelectAggregateResourceConfig over <c>AWS::Config::ResourceCompliance</c>: one configuration item per
/// evaluated resource, its overall <c>configuration.complianceType</c> and <c>configuration.configRuleList</c>
/// (every rule evaluating it, with that rule's verdict), filtered by <c>configuration.complianceType</c>.
/// The organisation's non-compliant items are paged from their index, so a page costs the same at any size.
/// </summary>
internal static class FakeComplianceSelect
{
    public const string ResourceType = "AWS::Config::ResourceCompliance";

    public static bool Asks(FakeAwsRequest request) =>
        request.Text("Expression") is { } text && text.Contains(ResourceType, StringComparison.Ordinal);

    public static byte[] Select(FakeAwsRequest request, FakeConfigData data)
    {
        var aggregator = FakeAggregateOperations.AggregatorOf(request, data)!;
        var expression = FakeSelectExpression.Parse(request.Text("Expression"));
        var type = expression.ComplianceType;
        var listed = data.Regions.Where(r => aggregator.Sees(r.Account)).SelectMany(Items).Where(i => type is null || i.Compliance == type).ToList();
        var organization = data.Organization;
        var count = organization is null ? 0L
            : type == "NON_COMPLIANT" ? organization.NonCompliantResources
            : type is null ? organization.Resources : throw new FakeAwsException(400, "InvalidExpressionException", "the fake organisation filters on NON_COMPLIANT only");
        Item OrganizationItem(long n)
        {
            var (source, resource) = type is null ? ((int)(n / organization!.ResourcesPerRegion), (int)(n % organization.ResourcesPerRegion)) : organization!.NonCompliant((int)n);
            var (account, region) = organization.Source(source);
            var evaluation = organization.Evaluation(source, resource);
            return new Item(account, region, evaluation.ResourceType, evaluation.ResourceId, evaluation.Compliance, evaluation.Invoked,
                [.. organization.RulesOf(resource).Select(j => (organization.Rules[j].Name, evaluation.Compliance))]);
        }

        // Items of accounts outside the aggregator are skipped page by page, as the service never sees them.
        var (page, next) = FakePaging.Page(listed.Count + count, i => i < listed.Count ? listed[(int)i] : OrganizationItem(i - listed.Count),
            request, $"SelectAggregateResourceConfig/{aggregator.Name}/compliance", 100, 100);
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("Results");
            foreach (var item in page.Where(i => aggregator.Sees(i.Account)))
            {
                var json = Encoding.UTF8.GetString(FakeJson.Write(o => Write(o, item, expression.Fields)));
                if (data.SelectResultsAsObjects)
                {
                    w.WriteRawValue(json);
                }
                else
                {
                    w.WriteStringValue(json);
                }
            }

            w.WriteEndArray();
            FakeJson.Next(w, next);
        });
    }

    private static IEnumerable<Item> Items(FakeConfigRegion region) =>
        region.Rules
            .SelectMany(rule => rule.Evaluations.Select(e => (Rule: rule.Name, Evaluation: e)))
            .GroupBy(x => (x.Evaluation.ResourceType, x.Evaluation.ResourceId))
            .Select(g => new Item(region.Account, region.Region, g.Key.ResourceType, g.Key.ResourceId,
                g.Any(x => x.Evaluation.Compliance == "NON_COMPLIANT") ? "NON_COMPLIANT" : "COMPLIANT", g.Max(x => x.Evaluation.Invoked),
                [.. g.Select(x => (x.Rule, x.Evaluation.Compliance))]));

    private static void Write(Utf8JsonWriter w, Item item, IReadOnlyList<string> fields)
    {
        var configuration = fields.Where(f => f.StartsWith("configuration.", StringComparison.Ordinal)).Select(f => f["configuration.".Length..]).ToList();
        foreach (var field in fields.Where(f => !f.StartsWith("configuration.", StringComparison.Ordinal)))
        {
            switch (field)
            {
                case "accountId": w.WriteString(field, item.Account); break;
                case "awsRegion": w.WriteString(field, item.Region); break;
                case "resourceType": w.WriteString(field, ResourceType); break;
                case "resourceId": w.WriteString(field, $"{item.ResourceType}/{item.ResourceId}"); break;
                case "configurationItemCaptureTime": w.WriteString(field, item.Captured.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: break;
            }
        }

        if (configuration.Count == 0)
        {
            return;
        }

        w.WriteStartObject("configuration");
        foreach (var field in configuration)
        {
            switch (field)
            {
                case "complianceType": w.WriteString(field, item.Compliance); break;
                case "targetResourceId": w.WriteString(field, item.ResourceId); break;
                case "targetResourceType": w.WriteString(field, item.ResourceType); break;
                case "configRuleList":
                    w.WriteStartArray(field);
                    foreach (var (rule, compliance) in item.Rules)
                    {
                        w.WriteStartObject();
                        w.WriteString("configRuleName", rule);
                        w.WriteString("complianceType", compliance);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    break;
                default: break;
            }
        }

        w.WriteEndObject();
    }

    private sealed record Item(string Account, string Region, string ResourceType, string ResourceId, string Compliance, DateTimeOffset Captured, IReadOnlyList<(string Rule, string Compliance)> Rules);
}

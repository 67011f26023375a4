using System.Text.Json;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// SelectResourceConfig and SelectAggregateResourceConfig: each result a JSON document of the selected
/// fields, sent as a string as AWS does, or as an object as moto does.
/// </summary>
internal static class FakeSelectOperations
{
    public static byte[] Select(FakeAwsRequest request, IReadOnlyList<FakeConfigRegion> regions, bool aggregate, bool asObjects)
    {
        var expression = FakeSelectExpression.Parse(request.Text("Expression"));
        var results = regions
            .SelectMany(r => r.Resources.Where(expression.Matches).Select(resource => Result(expression, r, resource)))
            .ToList();
        var scope = aggregate ? $"SelectAggregateResourceConfig/{request.Text("ConfigurationAggregatorName")}" : "SelectResourceConfig";
        var (page, next) = FakePaging.Page(results, request, scope, 100, 100);
        return FakeJson.Write(w =>
        {
            w.WriteStartArray("Results");
            foreach (var result in page)
            {
                if (asObjects)
                {
                    w.WriteRawValue(result);
                }
                else
                {
                    w.WriteStringValue(result);
                }
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
            FakeJson.Next(w, next);
        });
    }

    private static string Result(FakeSelectExpression expression, FakeConfigRegion region, FakeResource resource) =>
        System.Text.Encoding.UTF8.GetString(FakeJson.Write(w =>
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
}

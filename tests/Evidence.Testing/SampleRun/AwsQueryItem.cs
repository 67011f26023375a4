using System.Text.Json;
using System.Text.RegularExpressions;
using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// Runs an AWS Config advanced query through the organization aggregator (SelectAggregateResourceConfig)
/// over the fictional inventory. The selected fields come from the expression's SELECT list and the
/// resource types from its <c>resourceType IN (...)</c> or <c>resourceType = '...'</c> condition.
/// Each resource becomes a COMPLIANT row whose annotation lists its tags, dated when the query ran.
/// </summary>
internal static partial class AwsQueryItem
{
    public static GeneratedItem Build(string itemId, AwsConfigAdvancedQuery query)
    {
        var fields = SelectFields(query.Expression);
        var types = ResourceTypes(query.Expression);
        var resources = AwsInventory.All()
            .Where(x => types.Count == 0 || types.Contains(x.Resource.Type))
            .Where(x => x.Resource.Type != "AWS::::Account")
            .OrderBy(x => x.Account, StringComparer.Ordinal).ThenBy(x => x.Region, StringComparer.Ordinal)
            .ThenBy(x => x.Resource.Type, StringComparer.Ordinal).ThenBy(x => x.Resource.Id, StringComparer.Ordinal)
            .ToList();
        var results = resources.Select(x => Result(fields, x.Account, x.Region, x.Resource)).ToList();
        var rows = resources
            .Select(x => new ResultRow(x.Resource.Type, x.Resource.Id, "COMPLIANT", x.Account, x.Region,
                Annotation: x.Resource.Tags.Count == 0 ? "no tags" : string.Join(", ", x.Resource.Tags.Select(t => $"{t.Key}={t.Value}"))))
            .ToList();
        return GeneratedItem.Of(AwsConfigPages.Select(itemId, fields, results), rows);
    }

    private static string Result(IReadOnlyList<string> fields, string account, string region, AwsResource resource) =>
        System.Text.Encoding.UTF8.GetString(SampleJson.Write(w =>
        {
            w.WriteStartObject();
            foreach (var field in fields)
            {
                WriteField(w, field, account, region, resource);
            }

            w.WriteEndObject();
        }));

    private static void WriteField(Utf8JsonWriter w, string field, string account, string region, AwsResource resource)
    {
        switch (field)
        {
            case "resourceId": w.WriteString(field, resource.Id); break;
            case "resourceName": w.WriteString(field, resource.Name); break;
            case "resourceType": w.WriteString(field, resource.Type); break;
            case "accountId": w.WriteString(field, account); break;
            case "awsRegion": w.WriteString(field, region); break;
            case "tags":
                w.WriteStartArray(field);
                foreach (var tag in resource.Tags)
                {
                    w.WriteStartObject();
                    w.WriteString("key", tag.Key);
                    w.WriteString("tag", $"{tag.Key}={tag.Value}");
                    w.WriteString("value", tag.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            default: break;
        }
    }

    private static List<string> SelectFields(string expression)
    {
        var match = SelectList().Match(expression);
        var fields = match.Success ? match.Groups["fields"].Value.Split(',').Select(f => f.Trim()).Where(f => f.Length > 0).ToList() : [];
        return fields.Count > 0 ? fields : ["resourceId", "resourceType"];
    }

    private static List<string> ResourceTypes(string expression) =>
        TypeLiteral().Matches(TypeCondition().Match(expression).Value).Select(m => m.Groups["type"].Value).ToList();

    [GeneratedRegex(@"^\s*SELECT\s+(?<fields>.+?)\s+WHERE\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SelectList();

    [GeneratedRegex(@"resourceType\s*(IN\s*\([^)]*\)|=\s*'[^']*')", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TypeCondition();

    [GeneratedRegex(@"'(?<type>[^']+)'")]
    private static partial Regex TypeLiteral();
}

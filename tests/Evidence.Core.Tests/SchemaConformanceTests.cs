using System.Globalization;
using System.Text.Json.Nodes;
using Evidence.Testing;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Tests;

/// <summary>The shipped JSON Schemas describe the files we ship, so editors autocomplete and flag what Evidence flags.</summary>
public sealed class SchemaConformanceTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(LoadSchemas);

    public static TheoryData<string> YamlFiles()
    {
        var roots = new[] { RepositoryPaths.Catalog, RepositoryPaths.AcmeHealth };
        var files = roots
            .SelectMany(r => Directory.EnumerateFiles(r, "*.yaml", SearchOption.AllDirectories))
            .Where(f => File.ReadLines(f).FirstOrDefault()?.Contains("$schema=", StringComparison.Ordinal) == true)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void EachShippedYamlFileMatchesTheSchemaItNames(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        var schemaName = Path.GetFileName(File.ReadLines(path).First().Split("$schema=")[1].Trim());
        var schemaPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, File.ReadLines(path).First().Split("$schema=")[1].Trim()));

        Assert.True(File.Exists(schemaPath), $"{relativePath} names a schema that does not exist: {schemaPath}");
        AssertValid(Schemas.Value[schemaName], ToJson(path), relativePath);
    }

    [Fact]
    public void TheSampleRunsManifestAndRowsMatchTheirSchemas()
    {
        var run = Directory.GetDirectories(Path.Combine(RepositoryPaths.AcmeHealth, "evidence", "runs")).Order(StringComparer.Ordinal).Last();

        AssertValid(Schemas.Value["evidence-run.schema.json"], JsonNode.Parse(File.ReadAllText(Path.Combine(run, "manifest.json"))), "manifest.json");
        foreach (var line in Directory.GetFiles(Path.Combine(run, "results")).Order(StringComparer.Ordinal).Take(20).SelectMany(File.ReadLines))
        {
            AssertValid(Schemas.Value["result-row.schema.json"], JsonNode.Parse(line), line);
        }
    }

    private static void AssertValid(JsonSchema schema, JsonNode? document, string what)
    {
        using var json = System.Text.Json.JsonDocument.Parse(document?.ToJsonString() ?? "null");
        var result = schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .Take(5);
        Assert.True(result.IsValid, $"{what} does not match its schema: {string.Join("; ", errors)}");
    }

    private static Dictionary<string, JsonSchema> LoadSchemas()
    {
        var schemas = Directory.GetFiles(RepositoryPaths.Schemas, "*.json").ToDictionary(f => Path.GetFileName(f), f => JsonSchema.FromFile(f), StringComparer.Ordinal);
        foreach (var schema in schemas.Values)
        {
            SchemaRegistry.Global.Register(schema);
        }

        return schemas;
    }

    /// <summary>YAML to JSON as an editor's YAML language server sees it: plain true/false/numbers/null typed, everything else text.</summary>
    private static JsonNode? ToJson(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } s => Plain(s.Value ?? string.Empty),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static JsonValue? Plain(string value) => value switch
    {
        "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        _ => JsonValue.Create(value),
    };
}

using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads the catalog's <c>shared-responsibility.yaml</c>; the shared-responsibility validator checks its references.</summary>
internal static class SharedResponsibilityReader
{
    public const string FileName = "shared-responsibility.yaml";
    private static readonly string[] FileKeys = ["provenance", "sources", "responsibilities"];
    private static readonly string[] SourceKeys = ["id", "title", "url"];
    private static readonly string[] EntryKeys = ["citation", "split", "provider", "customer", "sources"];

    public static SharedResponsibility Read(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the shared-responsibility file", FileKeys, diagnostics);
        if (map is null)
        {
            return SharedResponsibility.None;
        }

        return new SharedResponsibility
        {
            Provenance = map.String("provenance", required: true) ?? string.Empty,
            Sources = map.Maps("sources", "a responsibility source", SourceKeys, required: true).Select(ReadSource).OfType<ResponsibilitySource>().ToList(),
            Entries = map.Maps("responsibilities", "a responsibility", EntryKeys, required: true).Select(ReadEntry).OfType<Responsibility>().ToList(),
            Location = map.Location,
        };
    }

    private static ResponsibilitySource? ReadSource(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var title = map.String("title", required: true);
        var url = map.Text("url", required: true);
        if (url is { } u && !u.Value.StartsWith("https://", StringComparison.Ordinal))
        {
            map.Diagnostics.Error(u.Location, $"'{u.Value}' is not an https:// address; give the page the split rests on");
        }

        return id is null || title is null || url is null ? null : new ResponsibilitySource(id.Value.Value, title, url.Value.Value, id.Value.Location);
    }

    private static Responsibility? ReadEntry(YamlMap map)
    {
        var citation = map.Text("citation", required: true);
        var split = map.Enum<ResponsibilitySplit>("split", required: true);
        var provider = map.String("provider");
        var customer = map.String("customer", required: true);
        var sources = map.Texts("sources", required: true);
        if (split is ResponsibilitySplit.Inherited or ResponsibilitySplit.Shared && string.IsNullOrWhiteSpace(provider))
        {
            map.Diagnostics.Error(map.At("split"), $"'split: {EnumNames.ToKebab(split.Value)}' needs 'provider': what the cloud provider covers");
        }

        return citation is null || split is null || customer is null
            ? null
            : new Responsibility { Citation = citation.Value, Split = split.Value, Provider = provider, Customer = customer, Sources = sources, Location = map.Location };
    }
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>
/// Reads evidence queries (the <c>evidence:</c> lists of catalog entries and overlays): the keys every
/// query takes here, the rest by the query's kind (<see cref="QueryKinds"/>).
/// </summary>
internal static class QueryReader
{
    public static IReadOnlyList<EvidenceQuery> ReadList(YamlMap owner, string key)
    {
        var queries = new List<EvidenceQuery>();
        foreach (var node in owner.Items(key))
        {
            if (Read(node, owner.File, owner.Diagnostics) is { } query)
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    public static EvidenceQuery? Read(YamlNode node, string file, DiagnosticBag diagnostics)
    {
        var name = (node as YamlMappingNode)?.Children
            .FirstOrDefault(p => p.Key is YamlScalarNode { Value: "kind" }).Value as YamlScalarNode;
        var kind = QueryKinds.Find(name?.Value);
        var map = YamlMap.From(node, file, "an evidence query", kind is null ? AnyKindKeys() : [.. QueryKind.CommonKeys, .. kind.Keys], diagnostics);
        if (map is null)
        {
            return null;
        }

        if (kind is null)
        {
            if (map.Text("kind", required: true) is { } bad)
            {
                diagnostics.Error(bad.Location, $"unknown evidence query kind '{bad.Value}'{Suggestions.DidYouMean(bad.Value, QueryKinds.Names)}; use one of: {string.Join(", ", QueryKinds.Names)}");
            }

            return null;
        }

        if (kind.Read(map) is not { } query)
        {
            return null;
        }

        var role = map.Enum<EvidenceRole>("role");
        var note = map.String("note");
        if (role == EvidenceRole.Supporting && string.IsNullOrWhiteSpace(note))
        {
            diagnostics.Error(map.At("role"), "supporting evidence needs a 'note' saying why it does not prove the control on its own");
        }

        return query with
        {
            MaxAge = map.Duration("max_age"), MultiTenantOnly = ReadWhen(map), Role = role, RoleNote = note,
            ExpectResources = kind.Keys.Contains("expect_resources") && (map.Bool("expect_resources") ?? false),
            Severity = kind.Keys.Contains("severity") ? map.Enum<Findings.Severity>("severity") : null,
        };
    }

    // With an unknown kind, keys that some kind allows are not reported: the kind is the one mistake.
    private static string[] AnyKindKeys() => [.. QueryKind.CommonKeys.Union(QueryKinds.All.SelectMany(k => k.Keys))];

    private static bool ReadWhen(YamlMap map)
    {
        var when = map.Text("when");
        if (when is { Value: not "multi-tenant" } bad)
        {
            map.Diagnostics.Error(bad.Location, $"'when' must be 'multi-tenant'; '{bad.Value}' is not a condition Evidence knows");
        }

        return when is not null;
    }
}

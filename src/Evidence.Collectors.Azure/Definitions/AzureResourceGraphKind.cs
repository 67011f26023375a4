using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary><c>kind: azure-resource-graph</c>: a Resource Graph query over the <c>resources</c> table in each scope.</summary>
internal sealed class AzureResourceGraphKind : QueryKind
{
    public static AzureResourceGraphKind Instance { get; } = new();

    public override string Name => "azure-resource-graph";

    public override CloudDefinition Cloud => AzureCloud.Instance;

    internal override IReadOnlyList<string> Keys { get; } = ["id", "title", "query", "fail_when", "severity", "scopes"];

    internal override EvidenceQuery? Read(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var title = map.String("title", required: true);
        var query = map.String("query", required: true);
        var failWhen = ReadFailWhen(map);
        var scopes = map.Texts("scopes").Select(s => s.Value).ToList();
        return id is null || title is null || query is null || failWhen is null ? null : new AzureResourceGraphQuery(id.Value.Value, title, query)
        {
            FailWhen = failWhen.Value, Scopes = scopes, Location = map.Location,
        };
    }

    internal override IEnumerable<EvidenceSource> Sources(EvidenceQuery query, Boundary boundary) =>
        query is AzureResourceGraphQuery q ? AzureScope.Sources(boundary, q.Scopes) : [];

    internal override IEnumerable<Diagnostic> CheckScope(EvidenceQuery query, Boundary boundary) =>
        query is AzureResourceGraphQuery q ? AzureScope.Check(boundary, q.Scopes, query) : [];
}

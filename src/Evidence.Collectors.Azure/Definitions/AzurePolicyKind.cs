using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary><c>kind: azure-policy</c>: per-resource compliance states of a definition, set definition or assignment.</summary>
internal sealed class AzurePolicyKind : QueryKind
{
    private static readonly (string Key, AzurePolicyTarget Target)[] Targets =
    [
        ("definition", AzurePolicyTarget.Definition),
        ("set_definition", AzurePolicyTarget.SetDefinition),
        ("assignment", AzurePolicyTarget.Assignment),
    ];

    public static AzurePolicyKind Instance { get; } = new();

    public override string Name => "azure-policy";

    public override CloudDefinition Cloud => AzureCloud.Instance;

    internal override IReadOnlyList<string> Keys { get; } = ["expect_resources", "severity", "definition", "set_definition", "assignment", "group", "scopes"];

    internal override EvidenceQuery? Read(YamlMap map)
    {
        var given = Targets.Select(t => (t.Target, Value: map.Text(t.Key))).Where(t => t.Value is not null).ToList();
        var group = map.String("group");
        var scopes = map.Texts("scopes").Select(s => s.Value).ToList();
        if (given.Count != 1)
        {
            map.Diagnostics.Error(map.Location, "an azure-policy query needs exactly one of 'definition', 'set_definition' or 'assignment'");
            return null;
        }

        if (group is not null && given[0].Target != AzurePolicyTarget.SetDefinition)
        {
            map.Diagnostics.Error(map.At("group"), "'group' applies only with 'set_definition'");
        }

        return new AzurePolicyQuery(given[0].Target, given[0].Value!.Value.Value)
        {
            Group = group, Scopes = scopes, Location = map.Location,
        };
    }

    internal override IEnumerable<EvidenceSource> Sources(EvidenceQuery query, Boundary boundary) =>
        query is AzurePolicyQuery q ? AzureScope.Sources(boundary, q.Scopes) : [];

    internal override IEnumerable<Diagnostic> CheckScope(EvidenceQuery query, Boundary boundary) =>
        query is AzurePolicyQuery q ? AzureScope.Check(boundary, q.Scopes, query) : [];
}

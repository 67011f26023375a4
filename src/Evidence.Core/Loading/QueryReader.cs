using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads evidence queries (the <c>evidence:</c> lists of catalog entries and overlays).</summary>
internal static class QueryReader
{
    private static readonly string[] Common = ["kind", "max_age", "when", "role", "note"];
    private static readonly string[] CloudCommon = [.. Common, "expect_resources", "severity"];
    private static readonly string[] AwsRuleKeys = [.. CloudCommon, "rule", "conformance_pack", "aggregator", "accounts", "regions"];
    private static readonly string[] AwsQueryKeys = [.. Common, "id", "title", "expression", "fail_when", "severity", "aggregator", "accounts", "regions"];
    private static readonly string[] AzureKeys = [.. CloudCommon, "definition", "set_definition", "assignment", "group", "scopes"];
    private static readonly string[] GraphKeys = [.. Common, "id", "title", "query", "fail_when", "severity", "scopes"];
    private static readonly string[] ManualKeys = [.. Common, "artifact", "path", "title", "date"];
    private static readonly string[] Kinds = ["aws-config", "aws-config-query", "azure-policy", "azure-resource-graph", "manual", "attestation"];

    // With an unknown kind, keys that some kind allows are not reported: the kind is the one mistake.
    private static readonly string[] AnyKindKeys = [.. AwsRuleKeys.Union(AwsQueryKeys).Union(AzureKeys).Union(GraphKeys).Union(ManualKeys)];

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
        var kind = (node as YamlMappingNode)?.Children
            .FirstOrDefault(p => p.Key is YamlScalarNode { Value: "kind" }).Value as YamlScalarNode;
        var keys = kind?.Value switch
        {
            "aws-config" => AwsRuleKeys,
            "aws-config-query" => AwsQueryKeys,
            "azure-policy" => AzureKeys,
            "azure-resource-graph" => GraphKeys,
            "manual" => ManualKeys,
            "attestation" => Common,
            _ => null,
        };
        var map = YamlMap.From(node, file, "an evidence query", keys ?? AnyKindKeys, diagnostics);
        if (map is null)
        {
            return null;
        }

        if (keys is null)
        {
            if (map.Text("kind", required: true) is { } bad)
            {
                diagnostics.Error(bad.Location, $"unknown evidence query kind '{bad.Value}'{Suggestions.DidYouMean(bad.Value, Kinds)}; use one of: {string.Join(", ", Kinds)}");
            }

            return null;
        }

        EvidenceQuery? query = kind!.Value switch
        {
            "aws-config" => ReadAwsRule(map),
            "aws-config-query" => ReadAwsQuery(map),
            "azure-policy" => ReadAzure(map),
            "azure-resource-graph" => ReadGraph(map),
            "manual" => ReadManual(map),
            _ => new AttestationQuery { Location = map.Location },
        };
        if (query is null)
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
            ExpectResources = query.IsCloud && query is not IRowQuery && (map.Bool("expect_resources") ?? false),
            Severity = query.IsCloud ? map.Enum<Findings.Severity>("severity") : null,
        };
    }

    private static bool ReadWhen(YamlMap map)
    {
        var when = map.Text("when");
        if (when is { Value: not "multi-tenant" } bad)
        {
            map.Diagnostics.Error(bad.Location, $"'when' must be 'multi-tenant'; '{bad.Value}' is not a condition Evidence knows");
        }

        return when is not null;
    }

    private static AwsConfigRuleQuery? ReadAwsRule(YamlMap map)
    {
        var rule = map.String("rule", required: true);
        var pack = map.String("conformance_pack");
        var aggregator = map.String("aggregator");
        var accounts = map.Texts("accounts").Select(s => s.Value).ToList();
        var regions = map.Texts("regions").Select(s => s.Value).ToList();
        return rule is null ? null : new AwsConfigRuleQuery(rule)
        {
            ConformancePack = pack, Aggregator = aggregator, Accounts = accounts, Regions = regions, Location = map.Location,
        };
    }

    private static AwsConfigAdvancedQuery? ReadAwsQuery(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var title = map.String("title", required: true);
        var expression = map.String("expression", required: true);
        var failWhen = ReadAssertion(map);
        var aggregator = map.String("aggregator");
        var accounts = map.Texts("accounts").Select(s => s.Value).ToList();
        var regions = map.Texts("regions").Select(s => s.Value).ToList();
        if (expression is not null && !expression.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
        {
            map.Diagnostics.Error(map.At("expression"), "'expression' must be an AWS Config advanced query starting with SELECT");
        }

        return id is null || title is null || expression is null || failWhen is null ? null : new AwsConfigAdvancedQuery(id.Value.Value, title, expression)
        {
            FailWhen = failWhen.Value,
            Aggregator = aggregator, Accounts = accounts, Regions = regions, Location = map.Location,
        };
    }

    /// <summary>An advanced query that cannot fail proves nothing, so what its rows mean must be said.</summary>
    internal static RowAssertion? ReadAssertion(YamlMap map)
    {
        if (map.Node("fail_when") is null)
        {
            map.Diagnostics.Error(map.Location, "an advanced query needs 'fail_when': 'any-row' when its rows are violations, or 'no-rows' when its rows prove that something required exists");
            return null;
        }

        return map.Enum<RowAssertion>("fail_when");
    }

    private static AzurePolicyQuery? ReadAzure(YamlMap map)
    {
        var targets = new (string Key, AzurePolicyTarget Target)[]
        {
            ("definition", AzurePolicyTarget.Definition),
            ("set_definition", AzurePolicyTarget.SetDefinition),
            ("assignment", AzurePolicyTarget.Assignment),
        };
        var given = targets.Select(t => (t.Target, Value: map.Text(t.Key))).Where(t => t.Value is not null).ToList();
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

    private static AzureResourceGraphQuery? ReadGraph(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var title = map.String("title", required: true);
        var query = map.String("query", required: true);
        var failWhen = ReadAssertion(map);
        var scopes = map.Texts("scopes").Select(s => s.Value).ToList();
        return id is null || title is null || query is null || failWhen is null ? null : new AzureResourceGraphQuery(id.Value.Value, title, query)
        {
            FailWhen = failWhen.Value, Scopes = scopes, Location = map.Location,
        };
    }

    private static ManualQuery? ReadManual(YamlMap map)
    {
        var artifact = map.Id("artifact");
        var path = map.String("path", required: true);
        var title = map.String("title");
        var date = map.Date("date", required: true);
        return path is null || date is null ? null : new ManualQuery(path, date.Value)
        {
            Artifact = artifact?.Value, ArtifactLocation = map.At("artifact"), Title = title, Location = map.At("path"),
        };
    }
}

using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads the cloud mapping files under <c>controls/mappings/</c>.</summary>
internal static class MappingReader
{
    private static readonly string[] AwsFileKeys = ["conformance_pack", "rules"];
    private static readonly string[] AwsRuleKeys = ["identifier", "name", "citations", "provenance", "note", "supplementary", "expect_resources", "severity"];
    private static readonly string[] AzureFileKeys = ["initiative", "policies"];
    private static readonly string[] AzurePolicyKeys = ["definition", "title", "citations", "provenance", "note", "supplementary", "expect_resources", "severity"];
    private static readonly string[] CitationKeys = ["citation", "role", "note"];

    public static IEnumerable<CloudMapping> ReadAws(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the AWS Config mapping file", AwsFileKeys, diagnostics);
        var pack = map?.String("conformance_pack", required: true);
        foreach (var rule in map?.Maps("rules", "an AWS Config rule mapping", AwsRuleKeys, required: true) ?? [])
        {
            var identifier = rule.String("identifier", required: true);
            var name = rule.String("name", required: true);
            var mapping = ReadCommon(rule, allowAws: true);
            if (identifier is not null && name is not null && mapping is not null)
            {
                var query = new AwsConfigRuleQuery(identifier) { ConformancePack = pack, Location = rule.Location, ExpectResources = mapping.ExpectResources, Severity = mapping.Severity };
                yield return mapping with { Query = query, Title = name };
            }
        }
    }

    public static IEnumerable<CloudMapping> ReadAzure(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "the Azure Policy mapping file", AzureFileKeys, diagnostics);
        map?.String("initiative", required: true);
        foreach (var policy in map?.Maps("policies", "an Azure Policy mapping", AzurePolicyKeys, required: true) ?? [])
        {
            var definition = policy.String("definition", required: true);
            var title = policy.String("title", required: true);
            var mapping = ReadCommon(policy, allowAws: false);
            if (definition is not null && title is not null && mapping is not null)
            {
                var query = new AzurePolicyQuery(AzurePolicyTarget.Definition, definition)
                {
                    Location = policy.Location, DisplayName = title, ExpectResources = mapping.ExpectResources, Severity = mapping.Severity,
                };
                yield return mapping with { Query = query, Title = title };
            }
        }
    }

    private static CloudMapping? ReadCommon(YamlMap map, bool allowAws)
    {
        var citations = ReadCitations(map);
        var provenance = map.Enum<MappingProvenance>("provenance", required: true);
        var note = map.String("note");
        var supplementary = map.Bool("supplementary") ?? false;
        var expect = map.Bool("expect_resources") ?? false;
        var severity = map.Enum<Findings.Severity>("severity");

        if (provenance == MappingProvenance.Aws && !allowAws)
        {
            map.Diagnostics.Error(map.At("provenance"), "provenance 'aws' applies only to AWS Config rules; use 'evidence-team'");
        }

        if (provenance == MappingProvenance.EvidenceTeam && string.IsNullOrWhiteSpace(note))
        {
            map.Diagnostics.Error(map.Location, "a mapping of our own (provenance: evidence-team) needs a 'note' saying why it is evidence for these citations");
        }

        if (supplementary && provenance == MappingProvenance.Aws)
        {
            map.Diagnostics.Error(map.At("supplementary"), "a supplementary mapping is outside AWS's published pack, so its provenance is 'evidence-team'");
        }

        return provenance is null
            ? null
            : new CloudMapping(new AttestationQuery { Location = map.Location }, string.Empty, citations, provenance.Value, note, map.Location)
            {
                Supplementary = supplementary, ExpectResources = expect, Severity = severity,
            };
    }

    /// <summary>Each item is a citation, or a mapping of one citation to a role other than its specification's default.</summary>
    private static List<MappedCitation> ReadCitations(YamlMap map)
    {
        var result = new List<MappedCitation>();
        foreach (var item in map.Items("citations", required: true))
        {
            var entry = item is YamlScalarNode scalar
                ? new MappedCitation(new Scalar(scalar.Value ?? string.Empty, YamlFile.Locate(map.File, item)), null, null)
                : ReadCitation(YamlMap.From(item, map.File, "a mapped citation", CitationKeys, map.Diagnostics));
            if (entry is null)
            {
                continue;
            }

            if (!Citation.IsValid(entry.Citation.Value))
            {
                map.Diagnostics.Error(entry.Citation.Location, $"'{entry.Citation.Value}' is not a Security Rule citation such as 164.312(a)(1)");
                continue;
            }

            result.Add(entry);
        }

        return result;
    }

    private static MappedCitation? ReadCitation(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var citation = map.Text("citation", required: true);
        var role = map.Enum<EvidenceRole>("role", required: true);
        var note = map.String("note");
        if (role == EvidenceRole.Supporting && string.IsNullOrWhiteSpace(note))
        {
            map.Diagnostics.Error(map.At("role"), "a supporting mapping needs a 'note' saying why the rule does not prove this citation on its own");
        }

        return citation is null || role is null ? null : new MappedCitation(citation.Value, role, note);
    }
}

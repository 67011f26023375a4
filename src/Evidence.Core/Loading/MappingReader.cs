using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads what every cloud mapping file under <c>controls/mappings/</c> says of each entry; the clouds read the rest.</summary>
internal static class MappingReader
{
    /// <summary>Keys every mapping entry takes, beside the cloud's own (a rule identifier, a definition id).</summary>
    public static readonly string[] EntryKeys = ["citations", "provenance", "note", "supplementary", "expect_resources", "severity"];

    private static readonly string[] CitationKeys = ["citation", "role", "note"];

    /// <summary>The citations, provenance and note of one mapping entry; its query is the cloud's to set.</summary>
    public static CloudMapping? ReadCommon(YamlMap map, bool allowAws)
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

using Evidence.Core.Catalog;
using Evidence.Core.Clouds;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;

namespace Evidence.Core.Loading;

/// <summary>Reads a catalog: owner roles, one file per section of the rule, the cloud mappings and the shared-responsibility matrix.</summary>
internal static class CatalogLoader
{
    private static readonly string[] FileKeys = ["section", "family", "controls"];
    private static readonly string[] ControlKeys =
        ["id", "title", "kind", "parent", "designation", "summary", "assessor_focus", "assessor_checklist", "owner_role", "max_age", "cloud_evidence_role", "cloud_evidence_note",
            "expected_artifacts", "evidence"];
    private static readonly string[] ArtifactKeys = ["id", "title", "description", "max_age"];
    private static readonly string[] CheckKeys = ["ask", "answered_by"];
    private static readonly string[] Families = ["Administrative", "Physical", "Technical", "Organizational", "Policies and Documentation"];

    /// <summary>Loads the catalog from its files, adding any problems to <paramref name="diagnostics"/>.</summary>
    public static ControlCatalog Load(IReadOnlyList<CatalogFile> files, DiagnosticBag diagnostics)
    {
        var previous = diagnostics.DefaultCategory;
        diagnostics.DefaultCategory = DiagnosticCategory.Catalog;
        try
        {
            var roles = new List<OwnerRole>();
            var controls = new List<CatalogControl>();
            var mappings = new List<CloudMapping>();
            var responsibility = SharedResponsibility.None;
            foreach (var file in files)
            {
                var root = YamlFile.Parse(file.Text, file.DisplayPath, diagnostics);
                if (root is null)
                {
                    continue;
                }

                if (file.RelativePath == "roles.yaml")
                {
                    roles.AddRange(RoleReader.Read(root, file.DisplayPath, diagnostics));
                }
                else if (file.RelativePath == SharedResponsibilityReader.FileName)
                {
                    responsibility = SharedResponsibilityReader.Read(root, file.DisplayPath, diagnostics);
                }
                else if (CloudRegistry.All.FirstOrDefault(c => c.MappingFile == file.RelativePath) is { } cloud)
                {
                    mappings.AddRange(cloud.ReadMappings(root, file.DisplayPath, diagnostics));
                }
                else
                {
                    controls.AddRange(ReadControls(root, file.DisplayPath, diagnostics));
                }
            }

            if (controls.Count == 0)
            {
                diagnostics.Error(SourceLocation.OfFile(files.Count > 0 ? files[0].DisplayPath : "controls/"), "the catalog holds no controls");
            }

            return new ControlCatalog(controls.OrderBy(c => c.Id, CitationComparer.Instance).ToList(), roles, mappings)
            {
                Responsibility = responsibility,
            };
        }
        finally
        {
            diagnostics.DefaultCategory = previous;
        }
    }

    private static IEnumerable<CatalogControl> ReadControls(YamlDotNet.RepresentationModel.YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "a catalog file", FileKeys, diagnostics);
        if (map is null)
        {
            yield break;
        }

        var section = map.String("section", required: true) ?? string.Empty;
        var family = map.Text("family", required: true);
        if (family is { } f && !Families.Contains(f.Value))
        {
            diagnostics.Error(f.Location, $"'{f.Value}' is not a family{Suggestions.DidYouMean(f.Value, Families)}; use one of: {string.Join(", ", Families)}");
        }

        foreach (var entry in map.Maps("controls", "a catalog control", ControlKeys, required: true))
        {
            if (ReadControl(entry, section, family?.Value ?? string.Empty) is { } control)
            {
                yield return control;
            }
        }
    }

    private static CatalogControl? ReadControl(YamlMap map, string section, string family)
    {
        var id = map.Text("id", required: true);
        var title = map.String("title", required: true);
        var kind = map.Enum<ControlKind>("kind", required: true);
        var parent = map.String("parent");
        var designation = map.Enum<Designation>("designation");
        var summary = map.String("summary", required: true);
        var focus = map.String("assessor_focus", required: true);
        var checklist = map.Maps("assessor_checklist", "an assessor checklist item", CheckKeys).Select(ReadCheck).OfType<AssessorCheck>().ToList();
        var owner = map.Id("owner_role", required: true);
        var maxAge = map.Duration("max_age", required: true);
        var artifacts = map.Maps("expected_artifacts", "an expected artifact", ArtifactKeys).Select(ReadArtifact).OfType<ExpectedArtifact>().ToList();
        var evidence = QueryReader.ReadList(map, "evidence");
        var cloudRole = map.Enum<EvidenceRole>("cloud_evidence_role") ?? EvidenceRole.Primary;
        var cloudNote = map.String("cloud_evidence_note");
        if (cloudRole == EvidenceRole.Supporting && string.IsNullOrWhiteSpace(cloudNote))
        {
            map.Diagnostics.Error(map.At("cloud_evidence_role"), "'cloud_evidence_role: supporting' needs a 'cloud_evidence_note' saying why cloud evidence cannot prove this control");
        }

        if (id is null || title is null || kind is null || summary is null || focus is null || owner is null || maxAge is null)
        {
            return null;
        }

        if (!Citation.IsValid(id.Value.Value))
        {
            map.Diagnostics.Error(id.Value.Location, $"'{id.Value.Value}' is not a Security Rule citation such as 164.308(a)(1)(ii)(A)");
        }
        else if (!id.Value.Value.StartsWith(section + "(", StringComparison.Ordinal))
        {
            map.Diagnostics.Error(id.Value.Location, $"control {id.Value.Value} does not belong in section {section}");
        }

        if (kind == ControlKind.Specification && parent is null)
        {
            map.Diagnostics.Error(map.Location, $"specification {id.Value.Value} needs 'parent': the standard it belongs to");
        }

        if (kind == ControlKind.Standard && parent is not null)
        {
            map.Diagnostics.Error(map.At("parent"), $"standard {id.Value.Value} cannot have a parent");
        }

        return new CatalogControl
        {
            Id = id.Value.Value, Title = title, Section = section, Family = family, Kind = kind.Value, Parent = parent,
            Designation = designation, Summary = summary, AssessorFocus = focus, AssessorChecklist = checklist, OwnerRole = owner.Value.Value,
            MaxAge = maxAge.Value, ExpectedArtifacts = artifacts, Evidence = evidence, Location = id.Value.Location,
            CloudEvidenceRole = cloudRole, CloudEvidenceNote = cloudNote,
        };
    }

    private static AssessorCheck? ReadCheck(YamlMap map)
    {
        var ask = map.String("ask", required: true);
        // answered_by is required but may be empty: an empty list is the catalog saying nothing kept here answers it.
        if (map.Node("answered_by", required: true) is null || ask is null)
        {
            return null;
        }

        return new AssessorCheck(ask, map.Texts("answered_by"), map.Location);
    }

    private static ExpectedArtifact? ReadArtifact(YamlMap map)
    {
        var id = map.Id("id", required: true);
        var title = map.String("title", required: true);
        var description = map.String("description", required: true);
        var maxAge = map.Duration("max_age", required: true);
        return id is null || title is null || description is null || maxAge is null
            ? null
            : new ExpectedArtifact(id.Value.Value, title, description, maxAge.Value, id.Value.Location);
    }
}

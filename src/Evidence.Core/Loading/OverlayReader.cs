using Evidence.Core.Diagnostics;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads the control overlays in a workspace's <c>controls/</c> folder.</summary>
internal static class OverlayReader
{
    private static readonly string[] FileKeys = ["controls"];
    private static readonly string[] OverlayKeys =
        ["control", "owner", "status", "statement", "decision", "max_age", "replace_default_evidence", "exclude_evidence", "evidence"];
    private static readonly string[] DecisionKeys = ["alternative", "rationale", "decided_by", "decided_on"];
    private static readonly string[] ExclusionKeys = ["query", "reason"];

    public static IEnumerable<ControlOverlay> Read(YamlNode root, string file, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "a control overlay file", FileKeys, diagnostics);
        foreach (var entry in map?.Maps("controls", "a control overlay", OverlayKeys, required: true) ?? [])
        {
            if (ReadOverlay(entry) is { } overlay)
            {
                yield return overlay;
            }
        }
    }

    private static ControlOverlay? ReadOverlay(YamlMap map)
    {
        var control = map.Text("control", required: true);
        var owner = map.Id("owner");
        var status = map.Enum<ImplementationStatus>("status");
        var statement = map.String("statement");
        var decision = ReadDecision(map.Map("decision", "'decision'", DecisionKeys));
        var maxAge = map.Duration("max_age");
        var replace = map.Bool("replace_default_evidence") ?? false;
        var exclusions = map.Maps("exclude_evidence", "an evidence exclusion", ExclusionKeys).Select(ReadExclusion).OfType<EvidenceExclusion>().ToList();
        var evidence = QueryReader.ReadList(map, "evidence");
        return control is null ? null : new ControlOverlay
        {
            Control = control.Value, Owner = owner, Status = status, StatusLocation = map.At("status"), Statement = statement,
            Decision = decision, MaxAge = maxAge, ReplaceDefaultEvidence = replace, Exclusions = exclusions, Evidence = evidence,
            Location = map.Location,
        };
    }

    private static AddressableDecision? ReadDecision(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var alternative = map.String("alternative");
        var rationale = map.String("rationale", required: true);
        var decidedBy = map.Id("decided_by", required: true);
        var decidedOn = map.Date("decided_on", required: true);
        return new AddressableDecision(alternative, rationale, decidedBy, decidedOn, map.Location);
    }

    private static EvidenceExclusion? ReadExclusion(YamlMap map)
    {
        var query = map.Text("query", required: true);
        var reason = map.String("reason", required: true);
        return query is null || reason is null ? null : new EvidenceExclusion(query.Value, reason);
    }
}

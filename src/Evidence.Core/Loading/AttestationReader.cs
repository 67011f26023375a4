using Evidence.Core.Attestations;
using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Evidence.Core.Loading;

/// <summary>Reads one attestation record from <c>attestations/</c>.</summary>
internal static class AttestationReader
{
    private static readonly string[] Keys = ["control", "period", "attested_by", "attested_at", "result", "comment", "supersedes", "evidence"];

    /// <summary>Reads the record in <paramref name="file"/>, named <paramref name="recordPath"/> (its path under <c>attestations/</c>, with forward slashes).</summary>
    public static Attestation? Read(YamlNode root, string file, string recordPath, DiagnosticBag diagnostics)
    {
        var map = YamlMap.From(root, file, "an attestation", Keys, diagnostics);
        if (map is null)
        {
            return null;
        }

        var control = map.Text("control", required: true);
        var periodText = map.Text("period", required: true);
        var by = map.Id("attested_by", required: true);
        var at = map.Timestamp("attested_at", required: true);
        var result = map.Enum<AttestationResult>("result", required: true);
        var comment = map.String("comment");
        var supersedes = map.Text("supersedes");
        var evidence = map.Texts("evidence");
        foreach (var empty in evidence.Where(e => string.IsNullOrWhiteSpace(e.Value)))
        {
            diagnostics.Error(empty.Location, "an 'evidence' reference must not be empty");
        }

        AttestationPeriod period = default;
        if (periodText is { } p && !AttestationPeriod.TryParse(p.Value, out period))
        {
            diagnostics.Error(p.Location, $"'{p.Value}' is not a period: use YYYY-Qn (quarterly), YYYY-MM (monthly), YYYY-Hn (semiannual) or YYYY (annual)");
            return null;
        }

        return control is null || periodText is null || by is null || at is null || result is null
            ? null
            : new Attestation(control.Value, period, periodText.Value.Location, by.Value, at.Value, result.Value, comment, map.Location)
            {
                AttestedAtLocation = map.At("attested_at"),
                RecordPath = recordPath,
                Supersedes = supersedes,
                Evidence = evidence,
            };
    }
}

using Evidence.Core.Attestations;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Yaml;

namespace Evidence.Core.Validation;

/// <summary>
/// Corrections form one line per control and period: each <c>supersedes</c> names an earlier record of
/// the same control and period, nothing is superseded twice, and no loop. (That one record is in force per control and period is the duplicate check's.)
/// </summary>
internal sealed class SupersedeChainValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var byPath = loaded.Attestations.GroupBy(a => a.RecordPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var supersededBy = new Dictionary<string, Attestation>(StringComparer.Ordinal);
        foreach (var attestation in loaded.Attestations.Where(a => a.Supersedes is not null))
        {
            var link = attestation.Supersedes!.Value;
            if (!byPath.TryGetValue(link.Value, out var earlier))
            {
                yield return Problems.Error(link.Location, $"supersedes '{link.Value}', which is not a record under attestations/{Suggestions.DidYouMean(link.Value, byPath.Keys)}; name it by its path under attestations/, such as {attestation.Period}/<file>.yaml");
                continue;
            }

            if (earlier.Control.Value != attestation.Control.Value || earlier.Period != attestation.Period)
            {
                yield return Problems.Error(link.Location, $"supersedes '{link.Value}', a record for {earlier.Control.Value} {earlier.Period}; a correction replaces a record of the same control and period ({attestation.Control.Value} {attestation.Period})");
            }
            else if (earlier.AttestedAt > attestation.AttestedAt)
            {
                yield return Problems.Error(attestation.AttestedAtLocation, $"attested_at {Timestamps.Format(attestation.AttestedAt)} is before the record it supersedes ({Timestamps.Format(earlier.AttestedAt)}); a correction comes after what it corrects");
            }

            if (!supersededBy.TryAdd(link.Value, attestation))
            {
                yield return Problems.Error(link.Location, $"'{link.Value}' is already superseded by {supersededBy[link.Value].RecordPath}; supersede the latest record of the chain instead");
            }
        }

        foreach (var loop in loaded.Attestations.Where(a => InLoop(a, byPath)))
        {
            yield return Problems.Error(loop.Supersedes!.Value.Location, $"the supersedes chain from {loop.RecordPath} loops back to it; a correction can only replace an earlier record");
        }
    }

    private static bool InLoop(Attestation start, Dictionary<string, Attestation> byPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = start; current.Supersedes is { } link && byPath.TryGetValue(link.Value, out var next);)
        {
            if (next.RecordPath == start.RecordPath)
            {
                return true;
            }

            if (!seen.Add(next.RecordPath))
            {
                return false;
            }

            current = next;
        }

        return false;
    }
}

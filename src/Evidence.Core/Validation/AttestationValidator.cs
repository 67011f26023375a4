using Evidence.Core.Attestations;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Validation;

/// <summary>Attestations name a real control, are made by someone who may attest it, and fit the workspace's cadence.</summary>
internal sealed class AttestationValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var controls = loaded.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var attestation in loaded.Attestations)
        {
            var cadence = workspace.Settings.Attestations?.Cadence;
            if (!controls.TryGetValue(attestation.Control.Value, out var control))
            {
                yield return Problems.Error(attestation.Control.Location, $"there is no control {attestation.Control.Value} in the catalog{Suggestions.DidYouMean(attestation.Control.Value, controls.Keys)}");
                continue;
            }

            if (!control.IsLeaf && !control.RequiresAttestation)
            {
                yield return Problems.Error(attestation.Control.Location, $"{control.Id} is a standard that rolls up from its specifications; attest the specifications instead");
            }

            if (workspace.FindPerson(attestation.AttestedBy.Value) is null)
            {
                var people = workspace.People.Select(p => p.Id);
                yield return Problems.Error(attestation.AttestedBy.Location, $"attested_by '{attestation.AttestedBy.Value}' is not a person in evidence.yaml{Suggestions.DidYouMean(attestation.AttestedBy.Value, people)}");
            }
            else if (AttestationAuthority.Grounds(control, workspace, attestation.AttestedBy.Value, attestation.AttestedAt) is null)
            {
                yield return Problems.Error(attestation.AttestedBy.Location, AttestationAuthority.Refusal(control, workspace, attestation.AttestedBy.Value));
            }

            if (cadence is null && control.RequiresAttestation)
            {
                cadence = AttestationSettings.Default.Cadence;
            }

            if (cadence is null)
            {
                yield return Problems.Error(attestation.Location, "attestations are not configured: add 'settings.attestations' with a cadence to evidence.yaml");
            }
            else if (attestation.Period.Cadence != cadence)
            {
                yield return Problems.Error(attestation.PeriodLocation, $"period '{attestation.Period}' does not fit the {EnumNames.ToKebab(cadence.Value)} cadence set in evidence.yaml");
            }

            if (attestation.AttestedAt < attestation.Period.Start)
            {
                yield return Problems.Error(attestation.AttestedAtLocation, $"attested_at {Timestamps.Format(attestation.AttestedAt)} is before period {attestation.Period} began; attest a period once it has started");
            }
        }
    }
}

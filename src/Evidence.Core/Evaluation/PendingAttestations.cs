using Evidence.Core.Loading;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>
/// What each owner owes in attestations, read by <c>evidence attest pending</c> and by the web portal
/// alike so the two never disagree on what is due.
/// </summary>
public static class PendingAttestations
{
    /// <summary>Every owner's attestations in workspace order, each with the controls they answer for; owners with none are left out.</summary>
    public static IReadOnlyList<OwnerPending> For(LoadedWorkspace loaded, WorkspaceEvaluation evaluation, IReadOnlyList<Person> owners)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(evaluation);
        var settings = loaded.Workspace!.Settings.Attestations ?? AttestationSettings.Default;
        var scheduled = evaluation.Controls
            .Where(c => c.Control.RequiresAttestation)
            .Select(c => new PendingControl(c, AttestationSchedule.For(c.Id, loaded.Attestations, settings, evaluation.AsOf)))
            .ToList();
        return owners
            .Select(p => new OwnerPending(p, scheduled.Where(s => s.Evaluation.Control.Owners.Any(o => o.Id == p.Id)).ToList()))
            .Where(o => o.Controls.Count > 0)
            .ToList();
    }
}

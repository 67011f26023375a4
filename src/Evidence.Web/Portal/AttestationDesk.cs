using Evidence.Core.Attestations;
using Evidence.Core.Loading;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;
using Evidence.Web.State;
using Microsoft.AspNetCore.Http;

namespace Evidence.Web.Portal;

/// <summary>
/// Records an attestation from the portal with the rules and writer of <c>evidence attest</c>: only the owner,
/// a person in the owning role or a delegate; never over a file; a second record supersedes the first. Writes
/// are taken one at a time and read the records on disk first, so two owners attesting at once make a chain.
/// </summary>
internal sealed class AttestationDesk(ServeOptions options, WorkspaceState state, ChangeFeed feed, AuditLog audit)
{
    private readonly Lock _gate = new();

    public AttestOutcome Attest(string person, string controlId, string? resultText, string? comment, string? from)
    {
        var snapshot = state.Current;
        if (snapshot.Evaluation is null)
        {
            return new AttestOutcome(StatusCodes.Status503ServiceUnavailable, "The workspace has errors; nothing can be attested until they are fixed.");
        }

        var control = snapshot.Loaded.Controls.FirstOrDefault(c => c.Id == controlId);
        if (control is null || (!control.IsLeaf && !control.RequiresAttestation))
        {
            return new AttestOutcome(StatusCodes.Status400BadRequest, $"{controlId} is not a control that is attested.");
        }

        var workspace = snapshot.Loaded.Workspace!;
        var at = options.Now;
        if (AttestationAuthority.Grounds(control, workspace, person, at) is null)
        {
            audit.Write(person, "attestation refused: not owner, role or delegate", from, control.Id);
            return new AttestOutcome(StatusCodes.Status403Forbidden, AttestationAuthority.Refusal(control, workspace, person));
        }

        if (resultText is null || !EnumNames.TryParse<AttestationResult>(resultText, out var result))
        {
            return new AttestOutcome(StatusCodes.Status400BadRequest, "Choose a result: implemented, partially implemented or not implemented.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return new AttestOutcome(StatusCodes.Status400BadRequest, "Say in the comment what you checked this period; it cannot be empty.");
        }

        var period = AttestationRules.OwedPeriod(workspace.Settings.Attestations ?? AttestationSettings.Default, at);
        string written;
        lock (_gate)
        {
            var earlier = AttestationRules.Superseded(WorkspaceLoader.LoadAttestations(snapshot.Loaded.Root), control.Id, period);
            if (AttestationRules.IsOutOfOrder(earlier, at))
            {
                return new AttestOutcome(StatusCodes.Status409Conflict, $"{earlier!.RecordPath} was made at {Timestamps.Format(earlier.AttestedAt)}, after now ({Timestamps.Format(at)}); a correction must come after what it corrects.");
            }

            written = AttestationStore.Write(snapshot.Loaded.Root, new NewAttestation(control.Id, period, person, at, result, comment.Trim())
            {
                Supersedes = earlier?.RecordPath,
            });
        }

        audit.Write(person, $"attested {EnumNames.ToKebab(result)} for {period} ({AttestationStore.Folder}/{written})", from, control.Id);
        feed.Publish(state.Invalidate());
        return new AttestOutcome(StatusCodes.Status303SeeOther, $"{control.Id} {period}: recorded {AttestationStore.Folder}/{written}.");
    }
}

using Evidence.Core.Workspaces;

namespace Evidence.Core.Attestations;

/// <summary>
/// The rules every way of attesting shares (the CLI, the Word form, the web portal): which period is owed,
/// which record a new one supersedes, and that a correction comes after what it corrects.
/// </summary>
public static class AttestationRules
{
    /// <summary>The period owed at <paramref name="asOf"/>: the one just ended while its grace lasts, else the current one.</summary>
    public static AttestationPeriod OwedPeriod(AttestationSettings settings, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var ended = AttestationPeriod.Containing(settings.Cadence, asOf).Previous();
        return ended.Deadline(settings.Grace) > asOf ? ended : ended.Next();
    }

    /// <summary>The record on file that a new one for this control and period would supersede: the tip of its chain, whenever it was made.</summary>
    public static Attestation? Superseded(IEnumerable<Attestation> attestations, string control, AttestationPeriod period) =>
        AttestationChain.InForce(attestations, DateTimeOffset.MaxValue)
            .Where(a => a.Control.Value == control && a.Period == period)
            .OrderBy(a => a.AttestedAt)
            .LastOrDefault();

    /// <summary>True when a record made at <paramref name="at"/> would be dated before the one it supersedes.</summary>
    public static bool IsOutOfOrder(Attestation? earlier, DateTimeOffset at) => earlier is not null && earlier.AttestedAt > at;
}

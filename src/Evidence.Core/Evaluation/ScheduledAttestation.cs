using Evidence.Core.Attestations;

namespace Evidence.Core.Evaluation;

/// <summary>One control's place in the attestation cadence.</summary>
/// <param name="ControlId">The control's citation.</param>
/// <param name="Latest">The record in force for the latest attested period; null when none was ever made.</param>
/// <param name="Due">The period whose attestation is due next and not yet late; null when the current period is attested.</param>
/// <param name="Deadline">The first instant at which <paramref name="Due"/> is late (the due date's last second is one before it).</param>
/// <param name="Missed">Periods whose deadline has passed with no attestation, oldest first.</param>
public sealed record ScheduledAttestation(string ControlId, Attestation? Latest, AttestationPeriod? Due, DateTimeOffset? Deadline, IReadOnlyList<AttestationPeriod> Missed)
{
    /// <summary>The first deadline missed; null when nothing is overdue.</summary>
    public DateTimeOffset? OverdueSince { get; init; }

    /// <summary>The last second the due attestation is still on time.</summary>
    public DateTimeOffset? DueBy => Deadline?.AddSeconds(-1);
}

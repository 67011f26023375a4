using Evidence.Core.Attestations;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>
/// What a control's owner owes: the periods after the last one attested whose deadline (end plus grace)
/// has passed are overdue, since the first of those deadlines; the next one is due by its deadline.
/// </summary>
public static class AttestationSchedule
{
    /// <summary>Where one control stands against the cadence at <paramref name="asOf"/>.</summary>
    public static ScheduledAttestation For(string controlId, IEnumerable<Attestation> attestations, AttestationSettings settings, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var latest = AttestationJudge.Latest(controlId, attestations, asOf);
        var current = AttestationPeriod.Containing(settings.Cadence, asOf);
        var missed = new List<AttestationPeriod>();
        AttestationPeriod? due = null;
        var period = latest?.Period.Next() ?? AttestationJudge.DuePeriod(settings, asOf);
        for (; period <= current; period = period.Next())
        {
            if (period.Deadline(settings.Grace) <= asOf)
            {
                missed.Add(period);
            }
            else
            {
                due = period;
                break;
            }
        }

        return new ScheduledAttestation(controlId, latest, due, due?.Deadline(settings.Grace), missed)
        {
            OverdueSince = missed.Count == 0 ? null : missed[0].Deadline(settings.Grace),
        };
    }
}

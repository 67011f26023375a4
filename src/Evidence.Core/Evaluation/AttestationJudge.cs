using Evidence.Core.Attestations;
using Evidence.Core.Workspaces;
using Evidence.Core.Yaml;

namespace Evidence.Core.Evaluation;

/// <summary>Judges the owner's attestation against the cadence: the last period whose grace has passed must be attested.</summary>
public static class AttestationJudge
{
    /// <summary>The latest period whose attestation is due by <paramref name="asOf"/>.</summary>
    public static AttestationPeriod DuePeriod(AttestationSettings settings, DateTimeOffset asOf)
    {
        var period = AttestationPeriod.Containing(settings.Cadence, asOf).Previous();
        return period.End + settings.Grace <= asOf ? period : period.Previous();
    }

    /// <summary>
    /// The control's attestation for its latest period made by <paramref name="asOf"/>: the record in force
    /// (a superseded one never counts), the last made should two be in force.
    /// </summary>
    public static Attestation? Latest(string controlId, IEnumerable<Attestation> attestations, DateTimeOffset asOf) =>
        AttestationChain.InForce(attestations.Where(a => a.Control.Value == controlId), asOf)
            .OrderBy(a => a.Period)
            .ThenBy(a => a.AttestedAt)
            .LastOrDefault();

    public static Reason Judge(string controlId, IEnumerable<Attestation> attestations, AttestationSettings settings, DateTimeOffset asOf, out Attestation? latest)
    {
        latest = Latest(controlId, attestations, asOf);
        var due = DuePeriod(settings, asOf);
        var deadline = due.End + settings.Grace;
        if (latest is null)
        {
            return new Reason(ReasonKind.AttestationMissing, Outcome.Fail, $"no attestation on record; {due} was due by {deadline:yyyy-MM-dd}") { Since = deadline };
        }

        if (latest.Period < due)
        {
            return new Reason(ReasonKind.AttestationOverdue, Outcome.Fail, $"attestation overdue: last attested for {latest.Period}; {due} was due by {deadline:yyyy-MM-dd}") { Since = deadline };
        }

        var who = $"{latest.AttestedBy.Value} attested {EnumNames.ToKebab(latest.Result)} for {latest.Period} on {latest.AttestedAt:yyyy-MM-dd}";
        return latest.Result switch
        {
            AttestationResult.Implemented => new Reason(ReasonKind.AttestationCurrent, Outcome.Pass, who),
            AttestationResult.PartiallyImplemented => new Reason(ReasonKind.AttestationCurrent, Outcome.Partial, who),
            _ => new Reason(ReasonKind.AttestationCurrent, Outcome.Fail, who),
        };
    }
}

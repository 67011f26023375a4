using Evidence.Core.Evaluation;

namespace Evidence.Web.Pages;

/// <summary>Where one owner stands in this period's attestations: attested, due and not yet late, overdue. The dashboard and the lead's page count the same way.</summary>
internal readonly record struct AttestationProgress(int Controls, int Attested, int Due, int Overdue)
{
    public static AttestationProgress Of(OwnerPending owner) => new(
        owner.Controls.Count,
        owner.Controls.Count(c => c.Schedule.OverdueSince is null && c.Schedule.Due is null),
        owner.Controls.Count(c => c.Schedule.OverdueSince is null && c.Schedule.Due is not null),
        owner.Controls.Count(c => c.Schedule.OverdueSince is not null));
}

using System.Text;
using Evidence.Core.Evaluation;
using Evidence.Web.Html;

namespace Evidence.Web.Reminders;

/// <summary>
/// Writes the reminders for owners with an overdue attestation. A reminder holds only what the catalog and
/// evidence.yaml say (control ids, catalog titles, periods, deadlines, the owner's name) and where to sign in:
/// never a finding, a resource, a comment or anything read from evidence, so it carries no PHI and no secret.
/// </summary>
internal static class ReminderComposer
{
    /// <summary>The reminders due: one per owner with at least one overdue attestation, in workspace order.</summary>
    public static IReadOnlyList<ReminderMail> Overdue(IReadOnlyList<OwnerPending> pending, string systemName, Uri portal)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return pending
            .Where(o => o.Controls.Any(c => c.Schedule.OverdueSince is not null))
            .Select(o => For(o, systemName, portal))
            .ToList();
    }

    public static ReminderMail For(OwnerPending owner, string systemName, Uri portal)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var owed = owner.Controls
            .Where(c => c.Schedule.OverdueSince is not null || c.Schedule.Due is not null)
            .OrderByDescending(c => c.Schedule.OverdueSince is not null)
            .ThenBy(c => c.Evaluation.Id, StringComparer.Ordinal)
            .ToList();
        var overdue = owed.Count(c => c.Schedule.OverdueSince is not null);
        var text = new StringBuilder();
        text.Append("Hello ").Append(owner.Owner.Name).Append(",\n\n");
        text.Append("Your attestation is needed for these HIPAA Security Rule safeguards of ").Append(systemName).Append(":\n\n");
        foreach (var control in owed)
        {
            text.Append("- ").Append(control.Evaluation.Id).Append(' ').Append(control.Evaluation.Control.Control.Title)
                .Append(": ").Append(DueText(control.Schedule)).Append('\n');
        }

        text.Append("\nPlease sign in at ").Append(new Uri(portal, "/portal")).Append(" (with your organization's account, or the link the compliance team sends you)")
            .Append(" and record each one under \"My attestations\".\n\n")
            .Append("This reminder was sent by Evidence for the compliance team. It holds no patient information; reply to the compliance team with any question.\n");
        var subject = $"{systemName}: {overdue} overdue HIPAA attestation{(overdue == 1 ? string.Empty : "s")}";
        // The text is made only from catalog and workspace fields; the mask is a second guard should one of them ever hold a secret.
        return new ReminderMail(owner.Owner, Masking.Mask(subject), Masking.Mask(text.ToString()), overdue, owed.Count);
    }

    private static string DueText(ScheduledAttestation schedule) =>
        schedule.OverdueSince is { } since
            ? $"overdue since {Labels.Date(since)} ({string.Join(", ", schedule.Missed)})"
            : $"{schedule.Due} due by {Labels.Instant(schedule.DueBy)}";
}

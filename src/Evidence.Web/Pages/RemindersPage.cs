using System.Text;
using Evidence.Core.Evaluation;
using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary>
/// <c>/reminders</c>: per owner, what is overdue and what is due next, with a message to copy into an email
/// or chat (Evidence sends nothing itself).
/// </summary>
internal static class RemindersPage
{
    public static string Render(WorkspaceSnapshot snapshot, string? signedInAs) =>
        Layout.Page("Attestation reminders", snapshot.SystemName, html =>
        {
            var owed = snapshot.Pending.Where(o => o.Controls.Any(Owes)).ToList();
            if (owed.Count == 0)
            {
                html.Element("p", "Nobody owes an attestation now.");
                return;
            }

            foreach (var owner in owed)
            {
                var controls = owner.Controls.Where(Owes).OrderByDescending(c => c.Schedule.OverdueSince is not null).ThenBy(c => c.Evaluation.Id, StringComparer.Ordinal).ToList();
                html.Element("h2", $"{owner.Owner.Name}: {controls.Count(c => c.Schedule.OverdueSince is not null)} overdue, {controls.Count} owed");
                html.Open("ul");
                foreach (var control in controls)
                {
                    html.Open("li").Link(Labels.ControlHref(control.Evaluation.Id), control.Evaluation.Id)
                        .Text($" {control.Evaluation.Control.Control.Title}: ")
                        .Element("span", ControlSections.Due(control.Schedule), ("class", control.Schedule.OverdueSince is null ? "due" : "overdue"))
                        .Close();
                }

                html.Close();
                html.Element("label", $"Message to {owner.Owner.Name}", ("for", "reminder-" + owner.Owner.Id))
                    .Element("textarea", Message(owner, controls), ("id", "reminder-" + owner.Owner.Id), ("readonly", "readonly"), ("rows", "6"), ("cols", "90"));
            }
        }, signedInAs);

    private static bool Owes(PendingControl control) => control.Schedule.OverdueSince is not null || control.Schedule.Due is not null;

    private static string Message(OwnerPending owner, IReadOnlyList<PendingControl> controls)
    {
        var text = new StringBuilder();
        text.Append("Hello ").Append(owner.Owner.Name).AppendLine(",");
        text.AppendLine().AppendLine("Your attestation is needed for these HIPAA safeguards:");
        foreach (var control in controls)
        {
            text.Append("- ").Append(control.Evaluation.Id).Append(' ').Append(control.Evaluation.Control.Control.Title).Append(": ").AppendLine(ControlSections.Due(control.Schedule));
        }

        text.AppendLine().Append("Please sign in with the link the compliance team sends you and record each one under \"My attestations\".");
        return text.ToString();
    }
}

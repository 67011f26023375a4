using System.Globalization;
using Evidence.Core.Evaluation;
using Evidence.Web.Html;
using Evidence.Web.Portal;
using Evidence.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Evidence.Web.Pages;

/// <summary>
/// <c>/lead</c>, for compliance leads only: every owner's attestations (attested, due, overdue), their last
/// activity and the reminders sent to them; a button to mail reminders when SMTP is set up; and the open
/// sign-in links, each with a button that revokes it.
/// </summary>
internal static class LeadPage
{
    public static string Render(WorkspaceSnapshot snapshot, LeadFacts facts, string name, AntiforgeryTokenSet csrf, string? notice) =>
        Layout.Page("All owners", snapshot.SystemName, html =>
        {
            if (notice is not null)
            {
                html.Element("p", notice, ("class", "notice"), ("role", "status"));
            }

            Owners(html, snapshot, facts);
            Reminders(html, snapshot, facts, csrf);
            Links(html, facts, csrf);
        }, name);

    private static void Owners(HtmlWriter html, WorkspaceSnapshot snapshot, LeadFacts facts)
    {
        html.Element("h2", $"Attestations per owner, as of {Labels.Instant(snapshot.AsOf)}");
        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Owner").Element("th", "Controls").Element("th", "Attested").Element("th", "Due").Element("th", "Overdue")
            .Element("th", "Last activity").Element("th", "Reminders sent")
            .Close().Close().Open("tbody");
        foreach (var owner in snapshot.Pending.OrderByDescending(o => Overdue(o)).ThenBy(o => o.Owner.Name, StringComparer.Ordinal))
        {
            var progress = AttestationProgress.Of(owner);
            var reminders = facts.RemindersTo(owner.Owner.Id);
            html.Open("tr")
                .Element("td", owner.Owner.Name)
                .Element("td", Count(progress.Controls))
                .Element("td", Count(progress.Attested))
                .Element("td", Count(progress.Due))
                .Element("td", Count(progress.Overdue), ("class", progress.Overdue > 0 ? "overdue" : null))
                .Element("td", Labels.Instant(facts.LastActivity(owner.Owner.Id)))
                .Element("td", reminders.Count == 0 ? "none" : $"{Count(reminders.Count)}, last {Labels.Date(reminders[^1].At)}")
                .Close();
        }

        html.Close().Close();
    }

    private static void Reminders(HtmlWriter html, WorkspaceSnapshot snapshot, LeadFacts facts, AntiforgeryTokenSet csrf)
    {
        var due = snapshot.Pending.Count(o => Overdue(o) > 0);
        html.Element("h2", "Reminders");
        if (!facts.CanMail)
        {
            html.Open("p").Text("No mail server is set up (start serve with --smtp-host and --smtp-from to send from here). The messages to copy are on ")
                .Link("/reminders", "the reminders page").Text(".").Close();
            return;
        }

        if (due == 0)
        {
            html.Element("p", "No owner has an overdue attestation; there is no reminder to send.");
            return;
        }

        html.Open("form", ("method", "post"), ("action", "/lead/remind"))
            .Void("input", ("type", "hidden"), ("name", csrf.FormFieldName), ("value", csrf.RequestToken))
            .Element("button", $"Mail a reminder to the {Count(due)} owner{(due == 1 ? string.Empty : "s")} with overdue attestations", ("type", "submit"))
            .Close();
    }

    private static void Links(HtmlWriter html, LeadFacts facts, AntiforgeryTokenSet csrf)
    {
        html.Element("h2", $"Sign-in links in force ({Count(facts.OpenLinks.Count)})");
        if (facts.OpenLinks.Count == 0)
        {
            html.Element("p", "No unexpired, unrevoked sign-in link. 'evidence serve invite OWNER' makes one.");
            return;
        }

        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Link id").Element("th", "Signs in").Element("th", "Issued").Element("th", "Expires").Element("th", "Used").Element("th", "Revoke")
            .Close().Close().Open("tbody");
        foreach (var (link, used) in facts.OpenLinks)
        {
            html.Open("tr")
                .Element("td", link.Id, ("class", "mono"))
                .Element("td", facts.NameOf(link.Owner))
                .Element("td", Labels.Instant(link.IssuedAt))
                .Element("td", Labels.Instant(link.Expires))
                .Element("td", used ? "yes (revoking ends that session)" : "not yet")
                .Open("td")
                .Open("form", ("method", "post"), ("action", "/lead/revoke"))
                .Void("input", ("type", "hidden"), ("name", csrf.FormFieldName), ("value", csrf.RequestToken))
                .Void("input", ("type", "hidden"), ("name", "id"), ("value", link.Id))
                .Element("button", $"Revoke {link.Id}", ("type", "submit"))
                .Close()
                .Close()
                .Close();
        }

        html.Close().Close();
    }

    private static int Overdue(OwnerPending owner) => AttestationProgress.Of(owner).Overdue;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Forbidden(string systemName, string name) =>
        Layout.Page("Compliance leads only", systemName, html => html
            .Element("p", "This page shows every owner and is open to compliance leads only (people in a lead role of evidence.yaml, 'compliance-lead' unless serve was started with --lead-role).", ("class", "error"), ("role", "alert"))
            .Open("p").Link("/portal", "Back to my attestations").Close(), name);
}

using Evidence.Core.Attestations;
using Evidence.Web.Html;
using Evidence.Web.State;
using Microsoft.AspNetCore.Antiforgery;

namespace Evidence.Web.Pages;

/// <summary>The portal's pages: an owner's controls with a form each, and the sign-in pages.</summary>
internal static class PortalPage
{
    public static string Render(WorkspaceSnapshot snapshot, string personId, string name, AntiforgeryTokenSet csrf, string? recorded) =>
        Layout.Page("My attestations", snapshot.SystemName, html =>
        {
            if (recorded is not null)
            {
                html.Element("p", $"Recorded your attestation for {recorded}. Thank you.", ("class", "notice"), ("role", "status"));
            }

            var mine = snapshot.Pending.FirstOrDefault(o => o.Owner.Id == personId)?.Controls ?? [];
            if (mine.Count == 0)
            {
                html.Element("p", "No control you own asks for an attestation.");
                return;
            }

            html.Element("p", $"{mine.Count(c => c.Schedule.OverdueSince is not null)} overdue and {mine.Count(c => c.Schedule.Due is not null)} due of the {mine.Count} controls you attest.");
            foreach (var control in mine.OrderByDescending(c => c.Schedule.OverdueSince is not null).ThenBy(c => c.Evaluation.Id, StringComparer.Ordinal))
            {
                var id = control.Evaluation.Id;
                var slug = AttestationStore.Slug(id);
                html.Open("section", ("aria-labelledby", "h-" + slug))
                    .Open("h2", ("id", "h-" + slug)).Link(Labels.ControlHref(id), id).Text(" " + control.Evaluation.Control.Control.Title).Close()
                    .Element("p", control.Evaluation.Control.Control.Summary)
                    .Element("p", $"Status now: {Labels.Words(control.Evaluation.Status)}. {ControlSections.Due(control.Schedule)}", ("class", control.Schedule.OverdueSince is null ? "due" : "overdue"));
                html.Open("form", ("method", "post"), ("action", "/portal/attest"), ("class", "attest"))
                    .Void("input", ("type", "hidden"), ("name", csrf.FormFieldName), ("value", csrf.RequestToken))
                    .Void("input", ("type", "hidden"), ("name", "control"), ("value", id))
                    .Element("label", "Result", ("for", "result-" + slug))
                    .Open("select", ("id", "result-" + slug), ("name", "result"), ("required", "required"))
                    .Element("option", "Choose…", ("value", ""))
                    .Element("option", "Implemented", ("value", "implemented"))
                    .Element("option", "Partially implemented", ("value", "partially-implemented"))
                    .Element("option", "Not implemented", ("value", "not-implemented"))
                    .Close()
                    .Element("label", "What you checked this period", ("for", "comment-" + slug))
                    .Element("textarea", null, ("id", "comment-" + slug), ("name", "comment"), ("rows", "3"), ("required", "required"))
                    .Element("button", $"Attest {id}", ("type", "submit"))
                    .Close()
                    .Close();
            }
        }, name);

    public static string SignInHelp(string systemName, string? refusal, bool signedOut = false, bool oidc = false) =>
        Layout.Page(signedOut ? "Signed out" : "Sign in", systemName, html =>
        {
            if (refusal is not null)
            {
                html.Element("p", $"Sign-in refused: {refusal}.", ("class", "error"), ("role", "alert"));
            }

            if (oidc)
            {
                html.Open("p").Link("/signin/oidc", "Sign in with your organization's account", "button").Close();
            }

            html.Element("p", "Control owners sign in with the single-use link the compliance team sends them (made with 'evidence serve invite'). Ask them for a new one if yours has expired or was used.");
        });

    public static string ConfirmSignIn(string systemName, string name, string token, AntiforgeryTokenSet csrf) =>
        Layout.Page("Sign in", systemName, html => html
            .Element("p", $"This link signs in {name}. It works once.")
            .Open("form", ("method", "post"), ("action", "/signin/" + token))
            .Void("input", ("type", "hidden"), ("name", csrf.FormFieldName), ("value", csrf.RequestToken))
            .Element("button", $"Sign in as {name}", ("type", "submit"))
            .Close());

    public static string Refused(string systemName, string message) =>
        Layout.Page("Not recorded", systemName, html => html
            .Element("p", message, ("class", "error"), ("role", "alert"))
            .Open("p").Link("/portal", "Back to my attestations").Close());
}

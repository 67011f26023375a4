using Evidence.Core.Evaluation;
using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary><c>/controls/{id}</c>: what the control asks, its status and every reason, its evidence, findings and attestation chain.</summary>
internal static class ControlPage
{
    /// <summary>The page, or null when the catalog has no such control.</summary>
    public static string? Render(WorkspaceSnapshot snapshot, string id, string? signedInAs)
    {
        var control = snapshot.Evaluation!.Find(id);
        if (control is null)
        {
            return null;
        }

        var catalog = control.Control.Control;
        return Layout.Page($"{catalog.Id} {catalog.Title}", snapshot.SystemName, html =>
        {
            html.Open("dl")
                .Element("dt", "Status").Element("dd", Labels.Words(control.Status), ("class", "status " + Labels.Css(control.Status)))
                .Element("dt", "Family").Open("dd").Link(Labels.FamilyHref(catalog.Family), catalog.Family).Close()
                .Element("dt", "Owner").Element("dd", Owner(control))
                .Element("dt", "Requirement").Element("dd", catalog.Summary)
                .Element("dt", "Assessor focus").Element("dd", catalog.AssessorFocus)
                .Element("dt", "Implementation").Element("dd", control.Control.Overlay?.Statement is { } statement ? Masking.Mask(statement) : "No implementation statement in controls/.")
                .Close();
            Reasons(html, control);
            ControlSections.Findings(html, snapshot, control.Id);
            ControlSections.Attestations(html, snapshot, control);
        }, signedInAs);
    }

    private static string Owner(ControlEvaluation control) =>
        control.Control.Owners.Count == 0 || (control.Control.Owners.Count == 1 && control.Control.Owners[0].Id == control.Control.OwnerRef)
            ? string.Join(", ", control.Control.Owners.Select(p => p.Name).DefaultIfEmpty(control.Control.OwnerRef))
            : $"{control.Control.OwnerRef}: {string.Join(", ", control.Control.Owners.Select(p => p.Name))}";

    private static void Reasons(HtmlWriter html, ControlEvaluation control)
    {
        html.Element("h2", "Why this status");
        if (control.Reasons.Count == 0)
        {
            html.Element("p", "Nothing is asked of this control yet: no evidence and no attestation.");
            return;
        }

        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Outcome").Element("th", "Reason").Element("th", "Source").Element("th", "Evidence")
            .Close().Close().Open("tbody");
        foreach (var reason in control.Reasons.OrderByDescending(r => r.IsProblem))
        {
            html.Open("tr")
                .Element("td", Labels.Words(reason.Outcome), ("class", "status " + (reason.IsProblem ? "not-satisfied" : "satisfied")))
                .Element("td", Masking.Mask(reason.Message))
                .Element("td", reason.Source?.ToString() ?? string.Empty)
                .Open("td");
            if (reason.Item is { } item)
            {
                html.Link(EvidencePage.Href(item.RunId, item.Id), $"{item.RunId}/{item.Id}");
            }

            html.Close().Close();
        }

        html.Close().Close();
    }
}

using Evidence.Core.Findings;
using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary><c>/</c>: the program at a glance: status counts, families, and what is overdue.</summary>
internal static class DashboardPage
{
    public static string Render(WorkspaceSnapshot snapshot, string? signedInAs)
    {
        var evaluation = snapshot.Evaluation!;
        return Layout.Page("Compliance dashboard", snapshot.SystemName, html =>
        {
            html.Element("p", $"Judged as of {Labels.Instant(snapshot.AsOf)} from {snapshot.Loaded.Runs.Count} evidence run{(snapshot.Loaded.Runs.Count == 1 ? string.Empty : "s")}; latest: {(snapshot.Loaded.Runs.Count == 0 ? "none" : snapshot.Loaded.Runs[^1].RunId)}.");
            StatusTables.Cards(html, evaluation.Controls);
            html.Element("h2", "Failing resources by control and account");
            Sources.SourceHeatMap.Render(html, snapshot.Sources!);
            html.Element("h2", "Families");
            html.Open("table").Open("thead").Open("tr")
                .Element("th", "Family").Element("th", "Controls").Element("th", "Not satisfied").Element("th", "Status")
                .Close().Close().Open("tbody");
            foreach (var family in evaluation.Controls.GroupBy(c => c.Control.Control.Family))
            {
                var controls = family.ToList();
                html.Open("tr")
                    .Open("td").Link(Labels.FamilyHref(family.Key), family.Key).Close()
                    .Element("td", controls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Element("td", controls.Count(c => c.Status == Core.Evaluation.ControlStatus.NotSatisfied).ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Open("td");
                StatusTables.Bar(html, controls);
                html.Close().Close();
            }

            html.Close().Close();
            FindingsSummary.Render(html, snapshot.Findings, id => snapshot.Loaded.Workspace?.FindPerson(id)?.Name ?? id);
            OverdueFindings(html, snapshot);
            AttestationsByOwner(html, snapshot);
            OverdueAttestations(html, snapshot);
            FreshnessTable.Render(html, snapshot.Freshness!);
            html.Element("h2", "Findings over time");
            Charts.TrendChart.Render(html, snapshot.Loaded.Runs, snapshot.AsOf);
            html.Element("h2", "Open findings per run");
            Charts.OpenFindingsTrend.Render(html, snapshot.Loaded.Runs, snapshot.Findings, snapshot.AsOf);
            html.Element("h2", "Time to remediate");
            Charts.RemediationTrend.Render(html, snapshot.Loaded.Runs, snapshot.Findings, snapshot.AsOf);
        }, signedInAs);
    }

    /// <summary>The most overdue findings listed one by one; an organisation can have thousands, and the summary above counts them all.</summary>
    private const int OverdueListed = 50;

    private static void OverdueFindings(HtmlWriter html, WorkspaceSnapshot snapshot)
    {
        var findings = snapshot.Findings;
        var all = findings.Where(f => f.State is FindingState.Overdue or FindingState.AcceptanceExpired).OrderBy(f => f.Due).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        html.Element("h2", $"Overdue findings ({all.Count} of {findings.Count(f => f.IsOpen)} open)");
        if (all.Count == 0)
        {
            html.Element("p", "No finding is past its target date.");
            return;
        }

        var overdue = all.Take(OverdueListed).ToList();
        if (overdue.Count < all.Count)
        {
            html.Element("p", $"The {overdue.Count} longest overdue; 'evidence findings' lists all {all.Count}.");
        }

        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Finding").Element("th", "Resource").Element("th", "Rule").Element("th", "Severity").Element("th", "Owner").Element("th", "Due").Element("th", "Controls")
            .Close().Close().Open("tbody");
        foreach (var finding in overdue)
        {
            html.Open("tr")
                .Element("td", finding.Id, ("class", "mono nowrap"))
                .Element("td", finding.ResourceName)
                .Element("td", finding.RuleName)
                .Element("td", Labels.Words(finding.Severity))
                .Element("td", snapshot.Loaded.Workspace?.FindPerson(finding.Owner)?.Name ?? finding.Owner)
                .Element("td", $"{finding.DueDate:yyyy-MM-dd} ({Labels.Words(finding.State)})", ("class", "overdue"))
                .Open("td", ("class", "citations"));
            foreach (var citation in finding.Citations)
            {
                html.Link(Labels.ControlHref(citation), citation).Text(" ");
            }

            html.Close().Close();
        }

        html.Close().Close();
    }

    private static void AttestationsByOwner(HtmlWriter html, WorkspaceSnapshot snapshot)
    {
        html.Element("h2", "This period's attestations per owner");
        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Owner", ("scope", "col")).Element("th", "Progress", ("scope", "col")).Element("th", "Attested", ("scope", "col"))
            .Element("th", "Due", ("scope", "col")).Element("th", "Overdue", ("scope", "col"))
            .Close().Close().Open("tbody");
        foreach (var (owner, progress) in snapshot.Pending.Select(o => (o.Owner, Progress: AttestationProgress.Of(o)))
            .OrderByDescending(o => o.Progress.Overdue).ThenBy(o => o.Owner.Name, StringComparer.Ordinal))
        {
            html.Open("tr").Element("th", owner.Name, ("scope", "row")).Open("td");
            StatusTables.Progress(html, progress);
            html.Close()
                .Element("td", $"{progress.Attested} of {progress.Controls}")
                .Element("td", progress.Due.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Element("td", progress.Overdue.ToString(System.Globalization.CultureInfo.InvariantCulture), ("class", progress.Overdue > 0 ? "overdue" : null))
                .Close();
        }

        html.Close().Close();
    }

    private static void OverdueAttestations(HtmlWriter html, WorkspaceSnapshot snapshot)
    {
        var overdue = snapshot.Pending
            .SelectMany(o => o.Controls.Where(c => c.Schedule.OverdueSince is not null).Select(c => (o.Owner, Control: c)))
            .OrderBy(x => x.Control.Schedule.OverdueSince)
            .ToList();
        html.Element("h2", $"Overdue attestations ({overdue.Count})");
        if (overdue.Count == 0)
        {
            html.Element("p", "Every owner has attested what was due.");
            return;
        }

        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Owner").Element("th", "Control").Element("th", "Overdue since").Element("th", "Periods")
            .Close().Close().Open("tbody");
        foreach (var (owner, control) in overdue)
        {
            html.Open("tr")
                .Element("td", owner.Name)
                .Open("td").Link(Labels.ControlHref(control.Evaluation.Id), control.Evaluation.Id).Close()
                .Element("td", Labels.Date(control.Schedule.OverdueSince), ("class", "overdue"))
                .Element("td", string.Join(", ", control.Schedule.Missed))
                .Close();
        }

        html.Close().Close();
    }
}

using Evidence.Core.Evaluation;
using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary>The control page's findings and attestation chain.</summary>
internal static class ControlSections
{
    /// <summary>Findings listed one by one; at organisation scale a control can have thousands, which the table by rule counts.</summary>
    public const int FindingsListed = 100;

    public static void Findings(HtmlWriter html, WorkspaceSnapshot snapshot, string id)
    {
        var all = snapshot.Findings.Where(f => f.Citations.Contains(id)).OrderByDescending(f => f.IsOpen).ThenBy(f => f.Due).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        html.Element("h2", $"Findings ({all.Count(f => f.IsOpen)} open)");
        if (all.Count == 0)
        {
            html.Element("p", "No failing resource has been seen for this control.");
            return;
        }

        var findings = all.Take(FindingsListed).ToList();
        if (findings.Count < all.Count)
        {
            ByRule(html, all);
            html.Element("p", $"The first {findings.Count} of {all.Count}, open ones first by due date; 'evidence findings' lists them all.");
        }

        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Finding").Element("th", "Resource").Element("th", "Rule").Element("th", "Severity").Element("th", "State").Element("th", "First seen").Element("th", "Due")
            .Close().Close().Open("tbody");
        foreach (var finding in findings)
        {
            html.Open("tr")
                .Element("td", finding.Id)
                .Element("td", finding.ResourceName)
                .Element("td", finding.RuleName)
                .Element("td", Labels.Words(finding.Severity))
                .Element("td", Labels.Words(finding.State), ("class", finding.State is Core.Findings.FindingState.Overdue or Core.Findings.FindingState.AcceptanceExpired ? "overdue" : null))
                .Element("td", Labels.Date(finding.FirstSeen))
                .Element("td", finding.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Close();
        }

        html.Close().Close();
    }

    private static void ByRule(HtmlWriter html, List<Core.Findings.Finding> findings)
    {
        html.Open("table", ("class", "narrow")).Element("caption", "By rule")
            .Open("thead").Open("tr").Element("th", "Rule", ("scope", "col")).Element("th", "Open", ("scope", "col")).Element("th", "Overdue", ("scope", "col")).Element("th", "All", ("scope", "col")).Close().Close()
            .Open("tbody");
        foreach (var rule in findings.GroupBy(f => f.RuleName, StringComparer.Ordinal).OrderByDescending(g => g.Count(f => f.IsOpen)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var overdue = rule.Count(f => f.State is Core.Findings.FindingState.Overdue or Core.Findings.FindingState.AcceptanceExpired);
            html.Open("tr").Element("th", rule.Key, ("scope", "row")).Element("td", Count(rule.Count(f => f.IsOpen)))
                .Element("td", Count(overdue), ("class", overdue > 0 ? "overdue" : null)).Element("td", Count(rule.Count())).Close();
        }

        html.Close().Close();
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every record for the control, newest period first, each correction naming what it superseded.</summary>
    public static void Attestations(HtmlWriter html, WorkspaceSnapshot snapshot, ControlEvaluation control)
    {
        html.Element("h2", "Attestations");
        var schedule = snapshot.Pending.SelectMany(o => o.Controls).FirstOrDefault(c => c.Evaluation.Id == control.Id)?.Schedule;
        if (schedule is not null)
        {
            html.Element("p", Due(schedule), ("class", schedule.OverdueSince is null ? "notice" : "error"));
        }

        var records = snapshot.Loaded.Attestations.Where(a => a.Control.Value == control.Id)
            .OrderByDescending(a => a.Period).ThenByDescending(a => a.AttestedAt).ToList();
        if (records.Count == 0)
        {
            html.Element("p", "No attestation is on file for this control.");
            return;
        }

        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Period").Element("th", "Result").Element("th", "By").Element("th", "At").Element("th", "Comment").Element("th", "Record")
            .Close().Close().Open("tbody");
        foreach (var record in records)
        {
            html.Open("tr")
                .Element("td", record.Period.ToString())
                .Element("td", Labels.Words(record.Result), ("class", "status " + Labels.Css(record.Result)))
                .Element("td", record.AttestedBy.Value)
                .Element("td", Labels.Instant(record.AttestedAt))
                .Element("td", Masking.Mask(record.Comment))
                .Element("td", record.Supersedes is { } earlier ? $"{record.RecordPath}, superseding {earlier.Value}" : record.RecordPath)
                .Close();
        }

        html.Close().Close();
    }

    public static string Due(ScheduledAttestation schedule)
    {
        var parts = new List<string>();
        if (schedule.OverdueSince is { } since)
        {
            parts.Add($"Overdue since {Labels.Date(since)} ({string.Join(", ", schedule.Missed)})");
        }

        if (schedule.Due is { } due)
        {
            parts.Add($"{due} due by {Labels.Instant(schedule.DueBy)}");
        }

        return parts.Count == 0 ? $"Attested for {schedule.Latest?.Period}." : string.Join("; ", parts) + ".";
    }
}

using System.Globalization;
using Evidence.Core.Findings;
using Evidence.Web.Html;

namespace Evidence.Web.Pages;

/// <summary>
/// The dashboard's open findings in two small tables: per owner by severity, the owners with overdue findings
/// first, with the age of their oldest; and by age, in the bands a remediation plan is watched in.
/// </summary>
internal static class FindingsSummary
{
    private static readonly (string Label, int Days)[] AgeBands = [("under 30 days", 30), ("30 to 89 days", 90), ("90 to 179 days", 180), ("180 days or more", int.MaxValue)];

    public static void Render(HtmlWriter html, IReadOnlyList<Finding> findings, Func<string, string> nameOf)
    {
        var open = findings.Where(f => f.IsOpen).ToList();
        html.Element("h2", $"Open findings by owner and severity ({Count(open.Count)})");
        if (open.Count == 0)
        {
            html.Element("p", "No open finding.");
            return;
        }

        var severities = Enum.GetValues<Severity>().Reverse().ToList();
        html.Open("table").Open("thead").Open("tr").Element("th", "Owner", ("scope", "col")).Element("th", "Overdue", ("scope", "col"));
        foreach (var severity in severities)
        {
            html.Element("th", Labels.Words(severity), ("scope", "col"));
        }

        html.Element("th", "Oldest", ("scope", "col")).Close().Close().Open("tbody");
        var owners = open.GroupBy(f => f.Owner, StringComparer.Ordinal)
            .Select(g => (Owner: g.Key, Findings: g.ToList(), Overdue: g.Count(f => f.State is FindingState.Overdue or FindingState.AcceptanceExpired)))
            .OrderByDescending(o => o.Overdue).ThenByDescending(o => o.Findings.Count).ThenBy(o => o.Owner, StringComparer.Ordinal);
        foreach (var (owner, mine, overdue) in owners)
        {
            html.Open("tr").Element("th", nameOf(owner), ("scope", "row")).Element("td", Count(overdue), ("class", overdue > 0 ? "overdue" : null));
            foreach (var severity in severities)
            {
                html.Element("td", Count(mine.Count(f => f.Severity == severity)));
            }

            html.Element("td", $"{Count(mine.Max(f => f.AgeDays))} days").Close();
        }

        html.Close().Close();
        html.Open("table", ("class", "narrow")).Element("caption", "Open findings by age since first seen")
            .Open("thead").Open("tr").Element("th", "Age", ("scope", "col")).Element("th", "Open findings", ("scope", "col")).Element("th", "Of them overdue", ("scope", "col")).Close().Close()
            .Open("tbody");
        var from = 0;
        foreach (var (label, days) in AgeBands)
        {
            var band = open.Where(f => f.AgeDays >= from && f.AgeDays < days).ToList();
            html.Open("tr").Element("th", label, ("scope", "row")).Element("td", Count(band.Count))
                .Element("td", Count(band.Count(f => f.State is FindingState.Overdue or FindingState.AcceptanceExpired))).Close();
            from = days;
        }

        html.Close().Close();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

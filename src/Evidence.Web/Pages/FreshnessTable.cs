using System.Globalization;
using Evidence.Web.Html;

namespace Evidence.Web.Pages;

/// <summary>The dashboard's evidence freshness (<see cref="EvidenceFreshness"/>) as a table.</summary>
internal static class FreshnessTable
{
    public static void Render(HtmlWriter html, EvidenceFreshness freshness)
    {
        html.Element("h2", "Evidence freshness");
        html.Open("table", ("class", "narrow")).Element("caption", $"{Count(freshness.Answers)} answers (one query from one source), by the age of what they describe")
            .Open("thead").Open("tr").Element("th", "Age", ("scope", "col")).Element("th", "Answers", ("scope", "col")).Close().Close().Open("tbody");
        for (var band = 0; band < EvidenceFreshness.Bands.Count; band++)
        {
            html.Open("tr").Element("th", EvidenceFreshness.Bands[band].Label, ("scope", "row")).Element("td", Count(freshness.ByBand[band])).Close();
        }

        html.Open("tr").Element("th", "of them judged stale (older than the query allows)", ("scope", "row"))
            .Element("td", Count(freshness.Stale), ("class", freshness.Stale > 0 ? "overdue" : null)).Close()
            .Open("tr").Element("th", "not collected", ("scope", "row"))
            .Element("td", Count(freshness.NotCollected), ("class", freshness.NotCollected > 0 ? "overdue" : null)).Close()
            .Close().Close();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

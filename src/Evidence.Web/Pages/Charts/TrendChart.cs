using Evidence.Core.Store;
using Evidence.Web.Html;

namespace Evidence.Web.Pages.Charts;

/// <summary>
/// Findings over the run history: per evidence run up to the as-of instant, the failing resources its answers
/// counted and the queries it could not collect. The figures are the runs' own manifest counts, so they are exact
/// and cost no row reading.
/// </summary>
internal static class TrendChart
{
    public static void Render(HtmlWriter html, IReadOnlyList<EvidenceRun> allRuns, DateTimeOffset asOf)
    {
        var runs = allRuns.Where(r => r.StartedAt <= asOf).ToList();
        if (runs.Count == 0)
        {
            html.Element("p", "No evidence run yet: 'evidence collect' makes the first.");
            return;
        }

        var failing = runs.Select(r => r.Items.Sum(i => i.Counts.NonCompliant)).ToList();
        var notCollected = runs.Select(r => r.Items.Count(i => i.Status == ItemStatus.Failed)).ToList();
        var description = $"{runs.Count} runs from {Labels.Date(runs[0].StartedAt)} to {Labels.Date(runs[^1].StartedAt)}: failing resources went from {failing[0]} to {failing[^1]}, queries not collected from {notCollected[0]} to {notCollected[^1]}.";
        LineChart.Render(html, "trend", "Failing resources and uncollected queries per evidence run", description,
            runs.Select(r => (r.RunId, r.StartedAt)).ToList(),
            [new LineSeries("failing resources", "failing", failing), new LineSeries("queries not collected", "uncollected", notCollected)],
            "Failing resources and uncollected queries per run, as a table");
    }
}

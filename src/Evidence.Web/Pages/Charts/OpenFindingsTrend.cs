using Evidence.Core.Findings;
using Evidence.Core.Store;
using Evidence.Web.Html;

namespace Evidence.Web.Pages.Charts;

/// <summary>
/// Open findings over the run history: per evidence run up to the as-of instant, the register's findings still open
/// as the run left them (failing, neither accepted nor a false positive by then) and those failing at all. A finding
/// that was resolved and came back counts in the runs it failed in only (see <see cref="OpenFindingsByRun"/>).
/// </summary>
internal static class OpenFindingsTrend
{
    public static void Render(HtmlWriter html, IReadOnlyList<EvidenceRun> allRuns, IReadOnlyList<Finding> findings, DateTimeOffset asOf)
    {
        var counts = OpenFindingsByRun.Count(findings, allRuns, asOf);
        if (counts.Count == 0)
        {
            html.Element("p", "No evidence run yet, so no finding has been counted.");
            return;
        }

        var open = counts.Select(c => c.Open).ToList();
        var failing = counts.Select(c => c.Failing).ToList();
        var description = $"{counts.Count} run{(counts.Count == 1 ? string.Empty : "s")} from {Labels.Date(counts[0].Run.StartedAt)} to {Labels.Date(counts[^1].Run.StartedAt)}: open findings went from {open[0]} to {open[^1]}, failing findings (open, accepted or false positive) from {failing[0]} to {failing[^1]}.";
        LineChart.Render(html, "open", "Open findings per evidence run", description,
            counts.Select(c => (c.Run.RunId, c.Run.StartedAt)).ToList(),
            [new LineSeries("open findings", "open", open), new LineSeries("failing, with accepted and false positives", "held", failing)],
            "Open and failing findings per run, as a table");
    }
}

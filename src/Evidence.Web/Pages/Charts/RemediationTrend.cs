using Evidence.Core.Findings;
using Evidence.Core.Store;
using Evidence.Web.Html;

namespace Evidence.Web.Pages.Charts;

/// <summary>
/// Mean time to remediate over the run history: per evidence run up to the as-of instant, the findings it saw
/// resolved (failing before, gone in its answers) and the mean days from first seen to resolved of every finding
/// resolved by then. A finding that failed again counts from its latest resolution only (its earlier spans, in
/// <see cref="Finding.Failing"/>, are not yet counted here).
/// </summary>
internal static class RemediationTrend
{
    public static void Render(HtmlWriter html, IReadOnlyList<EvidenceRun> allRuns, IReadOnlyList<Finding> findings, DateTimeOffset asOf)
    {
        var runs = allRuns.Where(r => r.StartedAt <= asOf).ToList();
        var resolved = findings.Where(f => f.ResolvedAt is not null).OrderBy(f => f.ResolvedAt).ToList();
        if (runs.Count == 0 || resolved.Count == 0)
        {
            html.Element("p", "No finding has been resolved yet, so there is no time to remediate to show.");
            return;
        }

        var resolvedInRun = new List<int>();
        var meanDays = new List<int>();
        var next = 0;
        var totalDays = 0.0;
        for (var i = 0; i < runs.Count; i++)
        {
            // A run's answers are collected after it starts, so what resolved before the next run began belongs to it.
            var end = i + 1 < runs.Count ? runs[i + 1].StartedAt : DateTimeOffset.MaxValue;
            var before = next;
            while (next < resolved.Count && resolved[next].ResolvedAt < end)
            {
                totalDays += resolved[next].Age.TotalDays;
                next++;
            }

            resolvedInRun.Add(next - before);
            meanDays.Add(next == 0 ? 0 : (int)Math.Round(totalDays / next, MidpointRounding.AwayFromZero));
        }

        // Runs before the first resolution have no time to remediate at all (not one of 0 days): the chart starts after them.
        var first = resolvedInRun.FindIndex(n => n > 0);
        runs = runs.Skip(first).ToList();
        resolvedInRun = resolvedInRun.Skip(first).ToList();
        meanDays = meanDays.Skip(first).ToList();
        var description = $"{resolved.Count} finding{(resolved.Count == 1 ? string.Empty : "s")} resolved over {runs.Count} runs; mean time to remediate {meanDays[^1]} days as of {Labels.Date(runs[^1].StartedAt)}.";
        html.Element("p", $"Mean time to remediate: {meanDays[^1]} days over {resolved.Count} resolved finding{(resolved.Count == 1 ? string.Empty : "s")}.");
        LineChart.Render(html, "mttr", "Mean days to remediate and findings resolved per evidence run", description,
            runs.Select(r => (r.RunId, r.StartedAt)).ToList(),
            [new LineSeries("mean days to remediate", "mttr", meanDays), new LineSeries("findings resolved", "resolved", resolvedInRun)],
            "Mean days to remediate and findings resolved per run, as a table");
    }
}

using Evidence.Core.Store;
using Evidence.Web.Html;

namespace Evidence.Web.Pages.Charts;

/// <summary>
/// Findings over the run history: per evidence run up to the as-of instant, the failing resources its answers
/// counted and the queries it could not collect, as two lines in SVG with a title, a description and a table with
/// the same figures. The figures are the runs' own manifest counts, so they are exact and cost no row reading.
/// </summary>
internal static class TrendChart
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    public static void Render(HtmlWriter html, IReadOnlyList<EvidenceRun> allRuns, DateTimeOffset asOf)
    {
        var runs = allRuns.Where(r => r.StartedAt <= asOf).Select(Point.Of).ToList();
        if (runs.Count == 0)
        {
            html.Element("p", "No evidence run yet: 'evidence collect' makes the first.");
            return;
        }

        var max = Math.Max(1, runs.Max(r => Math.Max(r.Failing, r.NotCollected)));
        var first = runs[0];
        var last = runs[^1];
        var description = $"{runs.Count} runs from {Labels.Date(first.At)} to {Labels.Date(last.At)}: failing resources went from {first.Failing} to {last.Failing}, queries not collected from {first.NotCollected} to {last.NotCollected}. The table below gives every run.";
        html.Open("figure", ("class", "chart"))
            .Open("svg", ("class", "trend"), ("role", "img"), ("aria-labelledby", "trend-title trend-desc"), ("viewBox", $"0 0 {Width} {Height}"), ("width", "100%"))
            .Element("title", "Failing resources and uncollected queries per evidence run", ("id", "trend-title"))
            .Element("desc", description, ("id", "trend-desc"));
        var plotBottom = Height - Bottom;
        html.Element("line", null, ("x1", SvgNumbers.Of(Left)), ("y1", SvgNumbers.Of(plotBottom)), ("x2", SvgNumbers.Of(Width - Right)), ("y2", SvgNumbers.Of(plotBottom)), ("class", "axis-line"))
            .Element("line", null, ("x1", SvgNumbers.Of(Left)), ("y1", SvgNumbers.Of(Top)), ("x2", SvgNumbers.Of(Left)), ("y2", SvgNumbers.Of(plotBottom)), ("class", "axis-line"))
            .Element("text", SvgNumbers.Of(max), ("x", SvgNumbers.Of(Left - 6)), ("y", SvgNumbers.Of(Top + 4)), ("text-anchor", "end"), ("class", "axis"))
            .Element("text", "0", ("x", SvgNumbers.Of(Left - 6)), ("y", SvgNumbers.Of(plotBottom + 4)), ("text-anchor", "end"), ("class", "axis"));
        Series(html, runs, r => r.Failing, max, "failing");
        Series(html, runs, r => r.NotCollected, max, "uncollected");
        // A date under the first and last run, and under a few between when there are many: never crowded.
        var step = Math.Max(1, (runs.Count - 1) / 5);
        for (var i = 0; i < runs.Count; i++)
        {
            if (i == 0 || i == runs.Count - 1 || (i % step == 0 && runs.Count - 1 - i >= step / 2))
            {
                html.Element("text", Labels.Date(runs[i].At), ("x", SvgNumbers.Of(X(i, runs.Count))), ("y", SvgNumbers.Of(plotBottom + 18)), ("text-anchor", Anchor(i, runs.Count)), ("class", "axis"));
            }
        }

        html.Close();
        html.Open("figcaption")
            .Element("span", "━ failing resources", ("class", "key failing"))
            .Text(" ")
            .Element("span", "┅ queries not collected", ("class", "key uncollected"))
            .Close()
            .Close();
        Table(html, runs);
    }

    private static void Series(HtmlWriter html, List<Point> runs, Func<Point, int> value, int max, string css)
    {
        var points = string.Join(' ', runs.Select((r, i) => $"{SvgNumbers.Of(X(i, runs.Count))},{SvgNumbers.Of(Y(value(r), max))}"));
        html.Element("polyline", null, ("points", points), ("class", "series " + css));
        for (var i = 0; i < runs.Count; i++)
        {
            html.Element("circle", null, ("cx", SvgNumbers.Of(X(i, runs.Count))), ("cy", SvgNumbers.Of(Y(value(runs[i]), max))), ("r", "3"), ("class", "dot " + css));
        }
    }

    /// <summary>The first and last dates sit inside the plot's edges, not centred over them, so none is cut off.</summary>
    private static string Anchor(int index, int count) => count == 1 ? "middle" : index == 0 ? "start" : index == count - 1 ? "end" : "middle";

    private static double X(int index, int count) => count == 1 ? (Left + Width - Right) / 2.0 : Left + ((Width - Left - Right) * index / (double)(count - 1));

    private static double Y(int value, int max) => Height - Bottom - ((Height - Bottom - Top) * value / (double)max);

    private static void Table(HtmlWriter html, List<Point> runs)
    {
        html.Open("details").Element("summary", "Failing resources and uncollected queries per run, as a table")
            .Open("table").Open("thead").Open("tr")
            .Element("th", "Run").Element("th", "Started").Element("th", "Failing resources").Element("th", "Queries not collected")
            .Close().Close().Open("tbody");
        foreach (var run in runs.AsEnumerable().Reverse())
        {
            html.Open("tr").Element("td", run.Id, ("class", "mono")).Element("td", Labels.Instant(run.At))
                .Element("td", SvgNumbers.Of(run.Failing)).Element("td", SvgNumbers.Of(run.NotCollected)).Close();
        }

        html.Close().Close().Close();
    }

    private sealed record Point(string Id, DateTimeOffset At, int Failing, int NotCollected)
    {
        public static Point Of(EvidenceRun run) =>
            new(run.RunId, run.StartedAt, run.Items.Sum(i => i.Counts.NonCompliant), run.Items.Count(i => i.Status == ItemStatus.Failed));
    }
}

using Evidence.Web.Html;

namespace Evidence.Web.Pages.Charts;

/// <summary>
/// Lines over the run history in SVG with a title, a description and a table with the same figures: one point
/// per run, dated under the first and last and a few between, never crowded. Sizes are attributes, so no inline
/// style breaks the content security policy.
/// </summary>
internal static class LineChart
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 48;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 40;

    /// <summary>Draws <paramref name="series"/> over <paramref name="runs"/> (oldest first); <paramref name="id"/> names the title and description elements.</summary>
    public static void Render(HtmlWriter html, string id, string title, string description, IReadOnlyList<(string Run, DateTimeOffset At)> runs, IReadOnlyList<LineSeries> series, string key)
    {
        var max = Math.Max(1, series.Max(s => s.Values.Max()));
        html.Open("figure", ("class", "chart"))
            .Open("svg", ("class", "trend"), ("role", "img"), ("aria-labelledby", $"{id}-title {id}-desc"), ("viewBox", $"0 0 {Width} {Height}"), ("width", "100%"))
            .Element("title", title, ("id", id + "-title"))
            .Element("desc", description + " The table below gives every run.", ("id", id + "-desc"));
        var plotBottom = Height - Bottom;
        html.Element("line", null, ("x1", SvgNumbers.Of(Left)), ("y1", SvgNumbers.Of(plotBottom)), ("x2", SvgNumbers.Of(Width - Right)), ("y2", SvgNumbers.Of(plotBottom)), ("class", "axis-line"))
            .Element("line", null, ("x1", SvgNumbers.Of(Left)), ("y1", SvgNumbers.Of(Top)), ("x2", SvgNumbers.Of(Left)), ("y2", SvgNumbers.Of(plotBottom)), ("class", "axis-line"))
            .Element("text", SvgNumbers.Of(max), ("x", SvgNumbers.Of(Left - 6)), ("y", SvgNumbers.Of(Top + 4)), ("text-anchor", "end"), ("class", "axis"))
            .Element("text", "0", ("x", SvgNumbers.Of(Left - 6)), ("y", SvgNumbers.Of(plotBottom + 4)), ("text-anchor", "end"), ("class", "axis"));
        foreach (var line in series)
        {
            Series(html, line, max);
        }

        var step = Math.Max(1, (runs.Count - 1) / 5);
        for (var i = 0; i < runs.Count; i++)
        {
            if (i == 0 || i == runs.Count - 1 || (i % step == 0 && runs.Count - 1 - i >= step / 2))
            {
                html.Element("text", Labels.Date(runs[i].At), ("x", SvgNumbers.Of(X(i, runs.Count))), ("y", SvgNumbers.Of(plotBottom + 18)), ("text-anchor", Anchor(i, runs.Count)), ("class", "axis"));
            }
        }

        html.Close();
        html.Open("figcaption");
        for (var s = 0; s < series.Count; s++)
        {
            html.Text(s == 0 ? null : " ").Element("span", (s == 0 ? "━ " : "┅ ") + series[s].Name, ("class", "key " + series[s].Css));
        }

        html.Close().Close();
        Table(html, key, runs, series);
    }

    private static void Series(HtmlWriter html, LineSeries line, int max)
    {
        var count = line.Values.Count;
        var points = string.Join(' ', line.Values.Select((v, i) => $"{SvgNumbers.Of(X(i, count))},{SvgNumbers.Of(Y(v, max))}"));
        html.Element("polyline", null, ("points", points), ("class", "series " + line.Css));
        for (var i = 0; i < count; i++)
        {
            html.Element("circle", null, ("cx", SvgNumbers.Of(X(i, count))), ("cy", SvgNumbers.Of(Y(line.Values[i], max))), ("r", "3"), ("class", "dot " + line.Css));
        }
    }

    /// <summary>The first and last dates sit inside the plot's edges, not centred over them, so none is cut off.</summary>
    private static string Anchor(int index, int count) => count == 1 ? "middle" : index == 0 ? "start" : index == count - 1 ? "end" : "middle";

    private static double X(int index, int count) => count == 1 ? (Left + Width - Right) / 2.0 : Left + ((Width - Left - Right) * index / (double)(count - 1));

    private static double Y(int value, int max) => Height - Bottom - ((Height - Bottom - Top) * value / (double)max);

    private static void Table(HtmlWriter html, string summary, IReadOnlyList<(string Run, DateTimeOffset At)> runs, IReadOnlyList<LineSeries> series)
    {
        html.Open("details").Element("summary", summary)
            .Open("table").Open("thead").Open("tr").Element("th", "Run").Element("th", "Started");
        foreach (var line in series)
        {
            html.Element("th", line.Name);
        }

        html.Close().Close().Open("tbody");
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            html.Open("tr").Element("td", runs[i].Run, ("class", "mono")).Element("td", Labels.Instant(runs[i].At));
            foreach (var line in series)
            {
                html.Element("td", SvgNumbers.Of(line.Values[i]));
            }

            html.Close();
        }

        html.Close().Close().Close();
    }
}

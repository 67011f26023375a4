using Evidence.Core.Evaluation;
using Evidence.Web.Html;

namespace Evidence.Web.Pages.Charts;

/// <summary>
/// Families × status as a heat map drawn on the server in SVG: a cell's colour is its status, its depth the share
/// of the family's controls in that status, and its number the count. The SVG has a title and a description, and
/// a table with the same figures follows it for readers that do not see images.
/// </summary>
internal static class HeatMap
{
    private const int LabelWidth = 190;
    private const int CellWidth = 118;
    private const int CellHeight = 34;
    private const int HeaderHeight = 40;

    public static void Render(HtmlWriter html, IReadOnlyList<ControlEvaluation> controls)
    {
        var statuses = Enum.GetValues<ControlStatus>();
        var families = controls.GroupBy(c => c.Control.Control.Family).Select(g => (Family: g.Key, Controls: g.ToList())).ToList();
        var width = LabelWidth + (statuses.Length * CellWidth);
        var height = HeaderHeight + (families.Count * CellHeight);
        var worst = families.OrderByDescending(f => f.Controls.Count(c => c.Status == ControlStatus.NotSatisfied)).FirstOrDefault();
        var description = families.Count == 0 ? "No controls."
            : $"{families.Count} families by {statuses.Length} statuses; most controls not satisfied: {worst.Family} ({worst.Controls.Count(c => c.Status == ControlStatus.NotSatisfied)} of {worst.Controls.Count}). The table below gives every figure.";
        html.Open("figure", ("class", "chart"))
            .Open("svg", ("class", "heatmap"), ("role", "img"), ("aria-labelledby", "heatmap-title heatmap-desc"), ("viewBox", $"0 0 {width} {height}"), ("width", "100%"))
            .Element("title", "Controls by family and status", ("id", "heatmap-title"))
            .Element("desc", description, ("id", "heatmap-desc"));
        for (var s = 0; s < statuses.Length; s++)
        {
            html.Element("text", Labels.Words(statuses[s]), ("x", SvgNumbers.Of(LabelWidth + (s * CellWidth) + (CellWidth / 2))), ("y", "26"), ("text-anchor", "middle"), ("class", "axis"));
        }

        for (var f = 0; f < families.Count; f++)
        {
            var (family, members) = families[f];
            var y = HeaderHeight + (f * CellHeight);
            html.Element("text", family, ("x", "0"), ("y", SvgNumbers.Of(y + 22)), ("class", "axis"));
            for (var s = 0; s < statuses.Length; s++)
            {
                var count = members.Count(c => c.Status == statuses[s]);
                var share = members.Count == 0 ? 0 : (double)count / members.Count;
                var x = LabelWidth + (s * CellWidth);
                html.Element("rect", null, ("x", SvgNumbers.Of(x + 2)), ("y", SvgNumbers.Of(y + 2)), ("width", SvgNumbers.Of(CellWidth - 4)), ("height", SvgNumbers.Of(CellHeight - 4)),
                    ("class", "cell " + Labels.Css(statuses[s])), ("fill-opacity", SvgNumbers.Of(count == 0 ? 0.06 : 0.25 + (0.75 * share))));
                html.Element("text", SvgNumbers.Of(count), ("x", SvgNumbers.Of(x + (CellWidth / 2))), ("y", SvgNumbers.Of(y + 22)), ("text-anchor", "middle"), ("class", count > 0 && share >= 0.5 ? "count strong" : "count"));
            }
        }

        html.Close();
        html.Element("figcaption", "Controls by family and status: the deeper the colour, the larger the family's share.");
        html.Close();
        Table(html, families, statuses);
    }

    private static void Table(HtmlWriter html, List<(string Family, List<ControlEvaluation> Controls)> families, ControlStatus[] statuses)
    {
        html.Open("details").Element("summary", "Controls by family and status, as a table")
            .Open("table").Open("thead").Open("tr").Element("th", "Family");
        foreach (var status in statuses)
        {
            html.Element("th", Labels.Words(status));
        }

        html.Close().Close().Open("tbody");
        foreach (var (family, members) in families)
        {
            html.Open("tr").Open("th", ("scope", "row")).Link(Labels.FamilyHref(family), family).Close();
            foreach (var status in statuses)
            {
                html.Element("td", SvgNumbers.Of(members.Count(c => c.Status == status)));
            }

            html.Close();
        }

        html.Close().Close().Close();
    }
}

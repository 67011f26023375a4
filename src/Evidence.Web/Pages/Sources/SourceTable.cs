using System.Globalization;
using Evidence.Web.Html;

namespace Evidence.Web.Pages.Sources;

/// <summary>The heat map of controls × accounts as a table: the same columns and figures, in words, each control a link.</summary>
internal static class SourceTable
{
    public static void Render(HtmlWriter html, SourceGrid grid)
    {
        html.Open("details").Element("summary", "Failing resources by control and account, as a table")
            .Open("div", ("class", "scroll"))
            .Open("table", ("class", "sources")).Open("thead").Open("tr").Element("th", "Control", ("scope", "col"));
        foreach (var column in grid.Columns)
        {
            html.Element("th", $"{column.Name} ({Count(column.Sources)} sources)", ("scope", "col"));
        }

        html.Close().Close().Open("tbody");
        foreach (var row in grid.Rows)
        {
            html.Open("tr").Open("th", ("scope", "row")).Link(Labels.ControlHref(row.Control.Id), row.Control.Id).Close();
            foreach (var cell in row.Cells)
            {
                html.Element("td", Words(cell));
            }

            html.Close();
        }

        html.Close().Close().Close().Close();
    }

    private static string Words(SourceCell? cell) => cell switch
    {
        null => "—",
        { Failing: > 0 } c => $"{Count(c.Failing)} failing",
        { Problems: > 0 } c => $"{Count(c.Problems)} not collected or stale",
        _ => "0 failing",
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

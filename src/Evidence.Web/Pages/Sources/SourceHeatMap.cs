using System.Globalization;
using Evidence.Web.Html;
using Evidence.Web.Pages.Charts;

namespace Evidence.Web.Pages.Sources;

/// <summary>
/// Controls × accounts as a heat map drawn on the server in SVG: a cell's number is the failing resources of the
/// control's evidence from that account (its regions added up), its shade how many there are on a scale of four
/// steps, each with a fixed colour whose text passes contrast. "!" marks evidence that counts against the control
/// with no failing resource to show (not collected, stale); "0" evidence that passes; an empty cell, evidence the
/// control does not expect from that account. Each row links to its control. A table with the same figures follows.
/// </summary>
internal static class SourceHeatMap
{
    private const int LabelWidth = 170;
    private const int CellWidth = 58;
    private const int CellHeight = 26;
    private const int HeaderHeight = 120;
    private const int LabelChars = 18;

    public static void Render(HtmlWriter html, SourceGrid grid)
    {
        if (grid.Rows.Count == 0)
        {
            html.Element("p", "No control has cloud evidence yet: 'evidence collect' gathers it.");
            return;
        }

        // Room on the right for the last column's heading, which slants up and to the right.
        var width = LabelWidth + (grid.Columns.Count * CellWidth) + 110;
        var height = HeaderHeight + (grid.Rows.Count * CellHeight);
        var max = grid.MaxFailing;
        html.Open("figure", ("class", "chart"))
            .Open("svg", ("class", "sourcemap"), ("aria-labelledby", "sourcemap-title sourcemap-desc"), ("viewBox", $"0 0 {width} {height}"), ("width", SvgNumbers.Of(width)))
            .Element("title", "Failing resources by control and account", ("id", "sourcemap-title"))
            .Element("desc", Description(grid), ("id", "sourcemap-desc"));
        for (var c = 0; c < grid.Columns.Count; c++)
        {
            var column = grid.Columns[c];
            var x = LabelWidth + (c * CellWidth) + (CellWidth / 2);
            html.Open("text", ("x", SvgNumbers.Of(x)), ("y", SvgNumbers.Of(HeaderHeight - 8)), ("transform", $"rotate(-40 {x} {HeaderHeight - 8})"), ("class", column.Folded > 0 ? "axis folded" : "axis"))
                .Element("title", $"{column.Name}: {Count(column.Total.Failing)} failing resources from {Count(column.Sources)} sources")
                .Text(Short(column.Label))
                .Close();
        }

        for (var r = 0; r < grid.Rows.Count; r++)
        {
            var row = grid.Rows[r];
            var y = HeaderHeight + (r * CellHeight);
            html.Open("a", ("href", Labels.ControlHref(row.Control.Id)))
                .Element("title", $"{row.Control.Id} {row.Control.Control.Control.Title}: {Count(row.Total.Failing)} failing resources")
                .Element("text", row.Control.Id, ("x", "0"), ("y", SvgNumbers.Of(y + 18)), ("class", "axis control"))
                .Close();
            for (var c = 0; c < grid.Columns.Count; c++)
            {
                Cell(html, row.Cells[c], LabelWidth + (c * CellWidth), y, max, grid.Columns[c], $"{row.Control.Id} in {grid.Columns[c].Name}");
            }
        }

        html.Close();
        html.Element("figcaption", Caption(grid));
        html.Close();
        SourceTable.Render(html, grid);
    }

    private static void Cell(HtmlWriter html, SourceCell? value, int x, int y, int max, SourceColumn column, string where)
    {
        // The folded column adds up many accounts: its number is their total, its shade that of an account's share.
        var accounts = Math.Max(1, column.Folded);
        var (css, text, title) = value switch
        {
            null => ("none", null, $"{where}: no evidence expected"),
            { Failing: > 0 } cell => ("fail-" + Count(Shade((cell.Failing + accounts - 1) / accounts, max)), Compact(cell.Failing), $"{where}: {Count(cell.Failing)} failing resources"),
            { Problems: > 0 } cell => ("gap", "!", $"{where}: {Count(cell.Problems)} of {Count(cell.Checks)} checks not collected, stale or without resources"),
            { } cell => ("pass", "0", $"{where}: {Count(cell.Checks)} checks pass"),
        };
        html.Open("rect", ("x", SvgNumbers.Of(x + 1)), ("y", SvgNumbers.Of(y + 1)), ("width", SvgNumbers.Of(CellWidth - 2)), ("height", SvgNumbers.Of(CellHeight - 2)), ("class", "cell " + css))
            .Element("title", title)
            .Close();
        if (text is not null)
        {
            html.Element("text", text, ("x", SvgNumbers.Of(x + (CellWidth / 2))), ("y", SvgNumbers.Of(y + 18)), ("text-anchor", "middle"), ("class", "count " + css), ("aria-hidden", "true"));
        }
    }

    /// <summary>Four steps on a logarithmic scale, so one account with thousands does not wash out the ones with a few.</summary>
    internal static int Shade(int failing, int max) =>
        max <= 1 ? 4 : Math.Clamp(1 + (int)(4 * Math.Log(failing) / Math.Log(max + 1)), 1, 4);

    /// <summary>A count that fits a cell: 12345 as "12k", 1234 as "1.2k".</summary>
    internal static string Compact(int count) => count switch
    {
        >= 10_000 => (count / 1000).ToString(CultureInfo.InvariantCulture) + "k",
        >= 1_000 => (Math.Floor(count / 100.0) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => Count(count),
    };

    private static string Short(string name) => name.Length <= LabelChars ? name : name[..(LabelChars - 1)] + "…";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Description(SourceGrid grid)
    {
        var worst = grid.Rows.MaxBy(r => r.Total.Failing)!;
        var failing = grid.Rows.Count(r => r.Total.Failing > 0);
        return $"{grid.Rows.Count} controls with cloud evidence by {grid.Columns.Count} columns of accounts; {failing} controls have failing resources, "
            + (worst.Total.Failing == 0 ? "none." : $"most at {worst.Control.Id} ({Count(worst.Total.Failing)}).") + " The table below gives every figure.";
    }

    /// <summary>What the map shows and what it folded or left out, in words.</summary>
    internal static string Caption(SourceGrid grid)
    {
        var caption = "Failing resources per control and account or subscription, regions added up; ! marks evidence not collected or stale.";
        if (grid.Folded is { } folded)
        {
            caption += $" {Count(grid.Columns.Count - 1)} of {Count(grid.Accounts)} accounts have a column (those with the most failing resources); the other {Count(folded.Folded)} add up in the last ({Count(folded.Total.Failing)} failing resources), shaded by their mean per account.";
        }

        if (grid.WithoutCloudEvidence > 0)
        {
            caption += $" {Count(grid.WithoutCloudEvidence)} controls judged on documents and attestations only have no row.";
        }

        return caption;
    }
}

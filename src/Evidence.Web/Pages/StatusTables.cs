using System.Globalization;
using Evidence.Core.Evaluation;
using Evidence.Web.Html;

namespace Evidence.Web.Pages;

/// <summary>The pieces the dashboard and family pages share: status counts and control lists.</summary>
internal static class StatusTables
{
    public static void Cards(HtmlWriter html, IReadOnlyList<ControlEvaluation> controls)
    {
        html.Open("div", ("class", "cards"));
        foreach (var status in Enum.GetValues<ControlStatus>())
        {
            html.Open("div", ("class", "card"))
                .Element("span", controls.Count(c => c.Status == status).ToString(System.Globalization.CultureInfo.InvariantCulture), ("class", "n " + Labels.Css(status)))
                .Text(Labels.Words(status))
                .Close();
        }

        html.Close();
    }

    /// <summary>
    /// A bar of status shares drawn as SVG (sizes are attributes, so no inline style breaks the content
    /// security policy), with the same figures as its accessible name.
    /// </summary>
    public static void Bar(HtmlWriter html, IReadOnlyList<ControlEvaluation> controls)
    {
        var summary = string.Join(", ", Enum.GetValues<ControlStatus>().Select(s => $"{controls.Count(c => c.Status == s)} {Labels.Words(s)}"));
        var total = Math.Max(1, controls.Count).ToString(CultureInfo.InvariantCulture);
        html.Open("svg", ("class", "bar"), ("role", "img"), ("aria-label", summary), ("viewBox", $"0 0 {total} 1"), ("preserveAspectRatio", "none"), ("width", "100%"), ("height", "12"))
            .Element("title", summary);
        var x = 0;
        foreach (var status in Enum.GetValues<ControlStatus>())
        {
            var count = controls.Count(c => c.Status == status);
            if (count > 0)
            {
                html.Element("rect", null, ("x", x.ToString(CultureInfo.InvariantCulture)), ("y", "0"), ("width", count.ToString(CultureInfo.InvariantCulture)), ("height", "1"), ("class", Labels.Css(status)));
                x += count;
            }
        }

        html.Close();
    }

    /// <summary>An owner's attestations as a bar: attested, due, overdue, with the same figures as its accessible name.</summary>
    public static void Progress(HtmlWriter html, AttestationProgress progress)
    {
        var summary = $"{progress.Attested} attested, {progress.Due} due, {progress.Overdue} overdue of {progress.Controls}";
        html.Open("svg", ("class", "bar"), ("role", "img"), ("aria-label", summary), ("viewBox", $"0 0 {Math.Max(1, progress.Controls).ToString(CultureInfo.InvariantCulture)} 1"), ("preserveAspectRatio", "none"), ("width", "100%"), ("height", "12"))
            .Element("title", summary);
        var x = 0;
        foreach (var (count, css) in new[] { (progress.Attested, "satisfied"), (progress.Due, "partially-satisfied"), (progress.Overdue, "not-satisfied") })
        {
            if (count > 0)
            {
                html.Element("rect", null, ("x", x.ToString(CultureInfo.InvariantCulture)), ("y", "0"), ("width", count.ToString(CultureInfo.InvariantCulture)), ("height", "1"), ("class", css));
                x += count;
            }
        }

        html.Close();
    }

    public static void Controls(HtmlWriter html, IEnumerable<ControlEvaluation> controls)
    {
        html.Open("table").Open("thead").Open("tr")
            .Element("th", "Control").Element("th", "Title").Element("th", "Status").Element("th", "Owner").Element("th", "Why")
            .Close().Close().Open("tbody");
        foreach (var control in controls)
        {
            html.Open("tr")
                .Open("td").Link(Labels.ControlHref(control.Id), control.Id).Close()
                .Element("td", control.Control.Control.Title)
                .Element("td", Labels.Words(control.Status), ("class", "status " + Labels.Css(control.Status)))
                .Element("td", control.Control.OwnerRef)
                .Element("td", Masking.Mask(control.Reasons.FirstOrDefault(r => r.IsProblem)?.Message))
                .Close();
        }

        html.Close().Close();
    }
}

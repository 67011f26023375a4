using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary><c>/families/{slug}</c>: one family's controls, problems first.</summary>
internal static class FamilyPage
{
    /// <summary>The page, or null when no family has this slug.</summary>
    public static string? Render(WorkspaceSnapshot snapshot, string slug, string? signedInAs)
    {
        var controls = snapshot.Evaluation!.Controls.Where(c => Labels.Slug(c.Control.Control.Family) == slug).ToList();
        if (controls.Count == 0)
        {
            return null;
        }

        return Layout.Page(controls[0].Control.Control.Family + " safeguards", snapshot.SystemName, html =>
        {
            StatusTables.Cards(html, controls);
            StatusTables.Bar(html, controls);
            html.Element("h2", "Controls");
            StatusTables.Controls(html, controls.OrderBy(c => c.Status switch
            {
                Core.Evaluation.ControlStatus.NotSatisfied => 0,
                Core.Evaluation.ControlStatus.PartiallySatisfied => 1,
                _ => 2,
            }));
        }, signedInAs);
    }
}

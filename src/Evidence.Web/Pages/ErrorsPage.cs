using Evidence.Web.Html;
using Evidence.Web.State;

namespace Evidence.Web.Pages;

/// <summary>The page every route shows while the workspace does not load: its errors, positioned, instead of a crash.</summary>
internal static class ErrorsPage
{
    public static string Render(WorkspaceSnapshot snapshot) =>
        Layout.Page("The workspace has errors", snapshot.SystemName, html =>
        {
            html.Element("p", "Evidence cannot judge the controls until these are fixed. This page updates by itself when the files change.", ("class", "error"));
            html.Open("ul");
            foreach (var error in snapshot.Errors)
            {
                html.Element("li", error.ToString());
            }

            html.Close();
        });

    /// <summary>A plain page for a missing control, family, run or item.</summary>
    public static string NotFound(string systemName, string what) =>
        Layout.Page("Not found", systemName, html => html.Element("p", what).Open("p").Link("/", "Back to the dashboard").Close());
}

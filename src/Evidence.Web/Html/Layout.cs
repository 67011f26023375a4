namespace Evidence.Web.Html;

/// <summary>The page shell every route shares: head, navigation, and the live-update script.</summary>
internal static class Layout
{
    /// <summary>A whole page: <paramref name="body"/> writes what goes inside <c>main</c>.</summary>
    public static string Page(string title, string systemName, Action<HtmlWriter> body, string? signedInAs = null)
    {
        var html = new HtmlWriter();
        html.Open("html", ("lang", "en"))
            .Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Element("title", $"{title} · {systemName} · Evidence")
            .Void("link", ("rel", "stylesheet"), ("href", "/assets/site.css"))
            .Element("script", null, ("src", "/assets/live.js"), ("defer", "defer"))
            .Close()
            .Open("body")
            .Open("header")
            .Open("nav", ("aria-label", "Main"))
            .Link("/", systemName, "brand")
            .Link("/reminders", "Reminders")
            .Link("/portal", "My attestations")
            .Link("/lead", "All owners");
        if (signedInAs is not null)
        {
            html.Element("span", $"Signed in as {signedInAs}", ("class", "who")).Link("/signout", "Sign out");
        }

        html.Close().Close()
            .Open("main", ("id", "main"));
        html.Element("h1", title);
        body(html);
        html.Close()
            .Open("footer")
            .Element("p", "Evidence · this page updates by itself when the workspace changes on disk.", ("id", "live-status"))
            .Close()
            .Close()
            .Close();
        return "<!DOCTYPE html>" + html;
    }
}

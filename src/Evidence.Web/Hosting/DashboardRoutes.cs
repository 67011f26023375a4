using System.Security.Claims;
using Evidence.Web.Pages;
using Evidence.Web.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Evidence.Web.Hosting;

/// <summary>The dashboard's routes: the overview, a family, a control, a raw evidence item, reminders and the live feed.</summary>
internal static class DashboardRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => DashboardPage.Render(s, Name(user)), cacheAs: Key("/", user)));
        routes.MapGet("/families/{slug}", (string slug, WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => FamilyPage.Render(s, slug, Name(user)), $"There is no family '{slug}'.", Key("/families/" + slug, user)));
        routes.MapGet("/controls/{id}", (string id, WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => ControlPage.Render(s, id, Name(user)), $"There is no control {id} in the catalog.", Key("/controls/" + id, user)));
        routes.MapGet("/evidence/{run}/{item}", (string run, string item, WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => EvidencePage.Render(s, run, item, Name(user)), $"There is no evidence item {run}/{item}."));
        routes.MapGet("/reminders", (WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => RemindersPage.Render(s, Name(user)), cacheAs: Key("/reminders", user)));
        routes.MapGet("/events", (WorkspaceState state, ChangeFeed feed, CancellationToken cancellation) =>
            TypedResults.ServerSentEvents(feed.Subscribe(state.Version, cancellation)));
    }

    /// <summary>The signed-in person's name for the header, or null.</summary>
    public static string? Name(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    /// <summary>A page's key in the snapshot's cache: its address and who reads it (the header names them).</summary>
    private static string Key(string path, ClaimsPrincipal user) => path + "\n" + Name(user);

    /// <summary>
    /// An HTML page from the current snapshot; a 404 page when <paramref name="render"/> finds nothing; the
    /// workspace's errors (503) while it does not load. With <paramref name="cacheAs"/>, the page is drawn once
    /// per snapshot (<see cref="WorkspaceSnapshot.Pages"/>); evidence pages are not, as they check files on disk.
    /// </summary>
    public static IResult Page(WorkspaceState state, Func<WorkspaceSnapshot, string?> render, string notFound = "Not found.", string? cacheAs = null)
    {
        var snapshot = state.Current;
        if (snapshot.Evaluation is null)
        {
            return Html(ErrorsPage.Render(snapshot), StatusCodes.Status503ServiceUnavailable);
        }

        if (cacheAs is not null && snapshot.Pages.TryGetValue(cacheAs, out var drawn))
        {
            return Html(drawn);
        }

        if (render(snapshot) is not { } page)
        {
            return Html(ErrorsPage.NotFound(snapshot.SystemName, notFound), StatusCodes.Status404NotFound);
        }

        if (cacheAs is not null)
        {
            snapshot.Pages.TryAdd(cacheAs, page);
        }

        return Html(page);
    }

    public static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

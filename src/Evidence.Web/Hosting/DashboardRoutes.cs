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
            Page(state, s => DashboardPage.Render(s, Name(user))));
        routes.MapGet("/families/{slug}", (string slug, WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => FamilyPage.Render(s, slug, Name(user)), $"There is no family '{slug}'."));
        routes.MapGet("/controls/{id}", (string id, WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => ControlPage.Render(s, id, Name(user)), $"There is no control {id} in the catalog."));
        routes.MapGet("/evidence/{run}/{item}", (string run, string item, WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => EvidencePage.Render(s, run, item, Name(user)), $"There is no evidence item {run}/{item}."));
        routes.MapGet("/reminders", (WorkspaceState state, ClaimsPrincipal user) =>
            Page(state, s => RemindersPage.Render(s, Name(user))));
        routes.MapGet("/events", (WorkspaceState state, ChangeFeed feed, CancellationToken cancellation) =>
            TypedResults.ServerSentEvents(feed.Subscribe(state.Version, cancellation)));
    }

    /// <summary>The signed-in person's name for the header, or null.</summary>
    public static string? Name(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    /// <summary>
    /// An HTML page from the current snapshot; a 404 page when <paramref name="render"/> finds nothing; the
    /// workspace's errors (503) while it does not load.
    /// </summary>
    public static IResult Page(WorkspaceState state, Func<WorkspaceSnapshot, string?> render, string notFound = "Not found.")
    {
        var snapshot = state.Current;
        if (snapshot.Evaluation is null)
        {
            return Html(ErrorsPage.Render(snapshot), StatusCodes.Status503ServiceUnavailable);
        }

        return render(snapshot) is { } page ? Html(page) : Html(ErrorsPage.NotFound(snapshot.SystemName, notFound), StatusCodes.Status404NotFound);
    }

    public static IResult Html(string page, int status = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

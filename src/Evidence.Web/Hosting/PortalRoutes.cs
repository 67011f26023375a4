using System.Security.Claims;
using Evidence.Web.Pages;
using Evidence.Web.Portal;
using Evidence.Web.SignIn;
using Evidence.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Evidence.Web.Hosting;

/// <summary>The portal: sign-in by link, an owner's controls, attesting, and signing out. Every POST checks its antiforgery token.</summary>
internal static class PortalRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/signin", (WorkspaceState state, ServeOptions options) =>
            DashboardRoutes.Html(PortalPage.SignInHelp(state.Current.SystemName, null, oidc: options.Oidc is not null)));
        routes.MapGet("/signin/oidc", (ServeOptions options, WorkspaceState state) => options.Oidc is null
                ? DashboardRoutes.Html(PortalPage.SignInHelp(state.Current.SystemName, "this server has no OpenID Connect provider configured; sign in with the link the compliance team sends you"), StatusCodes.Status404NotFound)
                : Results.Challenge(new AuthenticationProperties { RedirectUri = "/portal" }, [OidcSignIn.Scheme]))
            .RequireRateLimiting(ServeApp.SignInPolicy);
        routes.MapGet("/signin/{token}", (string token, HttpContext http, InviteTokens tokens, WorkspaceState state, IAntiforgery antiforgery) =>
        {
            var check = tokens.Read(token);
            var person = check.Owner is null ? null : state.Current.Loaded.Workspace?.FindPerson(check.Owner);
            return person is null
                ? DashboardRoutes.Html(PortalPage.SignInHelp(state.Current.SystemName, check.Refusal ?? "this link names nobody in evidence.yaml"), StatusCodes.Status403Forbidden)
                : DashboardRoutes.Html(PortalPage.ConfirmSignIn(state.Current.SystemName, person.Name, token, antiforgery.GetAndStoreTokens(http)));
        }).RequireRateLimiting(ServeApp.SignInPolicy);
        routes.MapPost("/signin/{token}", async (string token, HttpContext http, InviteTokens tokens, WorkspaceState state, AuditLog audit) =>
        {
            if (!await Forms.IsValid(http).ConfigureAwait(false))
            {
                return Forms.Rejected(state);
            }

            var check = tokens.Redeem(token);
            var person = check.Owner is null ? null : state.Current.Loaded.Workspace?.FindPerson(check.Owner);
            if (person is null)
            {
                audit.Write(check.Owner, "sign-in refused: " + (check.Refusal ?? "unknown person"), From(http));
                return DashboardRoutes.Html(PortalPage.SignInHelp(state.Current.SystemName, check.Refusal ?? "this link names nobody in evidence.yaml"), StatusCodes.Status403Forbidden);
            }

            await http.SignInAsync(SessionPrincipal.For(person, "invite", check.LinkId)).ConfigureAwait(false);
            audit.Write(person.Id, "signed in", From(http));
            return Results.Redirect("/portal", permanent: false, preserveMethod: false);
        }).RequireRateLimiting(ServeApp.SignInPolicy);
        routes.MapGet("/portal", (HttpContext http, ClaimsPrincipal user, WorkspaceState state, IAntiforgery antiforgery, string? recorded) =>
            DashboardRoutes.Page(state, s => PortalPage.Render(s, Id(user), DashboardRoutes.Name(user)!, antiforgery.GetAndStoreTokens(http), recorded)))
            .RequireAuthorization();
        routes.MapPost("/portal/attest", async (HttpContext http, ClaimsPrincipal user, AttestationDesk desk, WorkspaceState state) =>
        {
            if (!await Forms.IsValid(http).ConfigureAwait(false))
            {
                return Forms.Rejected(state);
            }

            var form = await http.Request.ReadFormAsync().ConfigureAwait(false);
            var control = form["control"].ToString();
            var outcome = desk.Attest(Id(user), control, form["result"].ToString(), form["comment"].ToString(), From(http));
            return outcome.Status == StatusCodes.Status303SeeOther
                ? Results.Redirect("/portal?recorded=" + Uri.EscapeDataString(control))
                : DashboardRoutes.Html(PortalPage.Refused(state.Current.SystemName, outcome.Message), outcome.Status);
        }).RequireAuthorization();
        routes.MapGet("/signout", async (HttpContext http, ClaimsPrincipal user, AuditLog audit, WorkspaceState state) =>
        {
            if (user.Identity?.IsAuthenticated == true)
            {
                audit.Write(Id(user), "signed out", From(http));
                await http.SignOutAsync().ConfigureAwait(false);
            }

            return DashboardRoutes.Html(PortalPage.SignInHelp(state.Current.SystemName, null, signedOut: true));
        });
    }

    private static string Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Where a request came from, for the audit log: the client address only.</summary>
    private static string? From(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}

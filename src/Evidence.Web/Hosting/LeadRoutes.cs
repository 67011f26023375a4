using System.Security.Claims;
using Evidence.Web.Pages;
using Evidence.Web.Portal;
using Evidence.Web.Reminders;
using Evidence.Web.SignIn;
using Evidence.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Hosting;

/// <summary>The compliance lead's routes: every owner at a glance, reminders by mail, and revoking one link. Leads only, even on loopback.</summary>
internal static class LeadRoutes
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/lead", (HttpContext http, ClaimsPrincipal user, WorkspaceState state, IAntiforgery antiforgery, string? notice) =>
            AsLead(http, user, state, (snapshot, name) => DashboardRoutes.Page(state, s =>
                LeadPage.Render(s, Facts(http, s), name, antiforgery.GetAndStoreTokens(http), notice))))
            .RequireAuthorization();
        routes.MapPost("/lead/revoke", async (HttpContext http, ClaimsPrincipal user, WorkspaceState state, InviteLedger ledger, AuditLog audit) =>
        {
            if (!await Forms.IsValid(http).ConfigureAwait(false))
            {
                return Forms.Rejected(state);
            }

            var form = await http.Request.ReadFormAsync().ConfigureAwait(false);
            var id = form["id"].ToString();
            return AsLead(http, user, state, (_, _) =>
            {
                var (outcome, _) = ledger.Revoke(id);
                if (outcome == RevokeOutcome.Revoked)
                {
                    audit.Write(SessionPrincipal.PersonId(user), $"revoked sign-in link {id}", From(http));
                }

                var notice = outcome switch
                {
                    RevokeOutcome.Revoked => $"Revoked link {id}.",
                    RevokeOutcome.AlreadyRevoked => $"Link {id} was already revoked.",
                    _ => $"No link {id} was issued.",
                };
                return Results.Redirect("/lead?notice=" + Uri.EscapeDataString(notice));
            });
        }).RequireAuthorization();
        routes.MapPost("/lead/remind", async (HttpContext http, ClaimsPrincipal user, WorkspaceState state, ServeOptions options, AuditLog audit) =>
        {
            if (!await Forms.IsValid(http).ConfigureAwait(false))
            {
                return Forms.Rejected(state);
            }

            // While the workspace does not load, neither roles nor owners can be read: show its errors, as /lead does.
            var snapshot = state.Current;
            if (snapshot.Evaluation is null)
            {
                return DashboardRoutes.Page(state, _ => null);
            }

            if (!IsLead(user, state, options))
            {
                return Denied(user, state);
            }

            if (options.Smtp is null)
            {
                return Results.Redirect("/lead?notice=" + Uri.EscapeDataString("No mail server is set up; nothing was sent."));
            }

            var portal = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
            var sender = new ReminderSender(options.Smtp, audit);
            var outcomes = new List<ReminderOutcome>();
            foreach (var mail in ReminderComposer.Overdue(snapshot.Pending, snapshot.SystemName, portal))
            {
                outcomes.Add(await sender.Send(mail, SessionPrincipal.PersonId(user)!, From(http), http.RequestAborted).ConfigureAwait(false));
            }

            var failed = outcomes.Where(o => !o.Sent).ToList();
            var notice = $"Sent {outcomes.Count - failed.Count} of {outcomes.Count} reminder(s)."
                + (failed.Count == 0 ? string.Empty : " Not sent: " + string.Join("; ", failed.Select(f => $"{f.To.Name} ({f.Problem})")));
            return Results.Redirect("/lead?notice=" + Uri.EscapeDataString(notice));
        }).RequireAuthorization();
    }

    private static LeadFacts Facts(HttpContext http, WorkspaceSnapshot snapshot)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<ServeOptions>();
        return new LeadFacts(snapshot, services.GetRequiredService<AuditLog>(), services.GetRequiredService<InviteLedger>(), options.Time.GetUtcNow(), options.Smtp is not null);
    }

    private static IResult AsLead(HttpContext http, ClaimsPrincipal user, WorkspaceState state, Func<WorkspaceSnapshot, string, IResult> then)
    {
        var options = http.RequestServices.GetRequiredService<ServeOptions>();
        // While the workspace does not load, roles cannot be read: show its errors rather than a refusal.
        return state.Current.Evaluation is null ? DashboardRoutes.Page(state, _ => null)
            : IsLead(user, state, options) ? then(state.Current, DashboardRoutes.Name(user)!)
            : Denied(user, state);
    }

    private static bool IsLead(ClaimsPrincipal user, WorkspaceState state, ServeOptions options) =>
        Leads.IsLead(state.Current.Loaded.Workspace, options.LeadRoles, SessionPrincipal.PersonId(user));

    private static IResult Denied(ClaimsPrincipal user, WorkspaceState state) =>
        DashboardRoutes.Html(LeadPage.Forbidden(state.Current.SystemName, DashboardRoutes.Name(user)!), StatusCodes.Status403Forbidden);

    private static string? From(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}

using Evidence.Web.Portal;
using Evidence.Web.State;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.SignIn;

/// <summary>
/// Checked on every request that carries a session: the person must still be in evidence.yaml, and the invite
/// link the session came from must not have been revoked since. Otherwise the session ends there.
/// </summary>
internal static class SessionCheck
{
    public static async Task Validate(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var person = context.Principal is null ? null : SessionPrincipal.PersonId(context.Principal);
        var link = context.Principal?.FindFirst(SessionPrincipal.LinkClaim)?.Value;
        var workspace = services.GetRequiredService<WorkspaceState>().Current.Loaded.Workspace;
        // While the workspace does not load nobody can be looked up; the pages show its errors, so keep the session.
        var gone = workspace is not null && (person is null || workspace.FindPerson(person) is null);
        var revoked = link is not null && services.GetRequiredService<InviteLedger>().IsRevoked(link);
        if (gone || revoked)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            services.GetRequiredService<AuditLog>().Write(person, revoked ? "session ended: its sign-in link was revoked" : "session ended: person no longer in evidence.yaml", context.HttpContext.Connection.RemoteIpAddress?.ToString());
        }
    }
}

using System.Security.Claims;
using Evidence.Core.Workspaces;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Evidence.Web.SignIn;

/// <summary>
/// The session's identity, the same whichever way a person signed in (invite link or OpenID Connect): the
/// workspace person's id and name, and how they signed in. Roles are not stored in it: they are read from the
/// workspace on each request, so a change to <c>roles:</c> in evidence.yaml takes effect without signing out.
/// </summary>
internal static class SessionPrincipal
{
    public const string MethodClaim = "evidence:sign-in";
    public const string LinkClaim = "evidence:link";

    /// <summary>A session for <paramref name="person"/>; <paramref name="linkId"/> names the invite link it came from, so revoking the link ends it.</summary>
    public static ClaimsPrincipal For(Person person, string method, string? linkId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, person.Id), new(ClaimTypes.Name, person.Name), new(MethodClaim, method) };
        if (linkId is not null)
        {
            claims.Add(new Claim(LinkClaim, linkId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The signed-in person's id, or null.</summary>
    public static string? PersonId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}

using Evidence.Web.Pages;
using Evidence.Web.Portal;
using Evidence.Web.State;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Evidence.Web.SignIn;

/// <summary>
/// The OpenID Connect scheme: authorization code with PKCE, the id_token's signature checked against the
/// provider's published keys, and the e-mail claim matched to one person of evidence.yaml. The provider's
/// identity never becomes the session: the session is the workspace person's, as with an invite link.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static void Add(AuthenticationBuilder authentication, OidcSettings settings) =>
        authentication.AddOpenIdConnect(Scheme, "Your organization's sign-in", o =>
        {
            o.Authority = settings.Authority.ToString();
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = !settings.AllowsHttpMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a top-level GET, so the correlation and nonce cookies can be SameSite=Lax
            // and need not be Secure on a loopback http server (form_post would need SameSite=None; Secure).
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = OidcSettings.CallbackPath;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            if (settings.RedirectUri is { } redirect)
            {
                // Behind a proxy the request's own address is not the one people (and the provider) know; the handler
                // keeps the address sent here and sends it again when it redeems the code.
                o.Events.OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.RedirectUri = redirect.ToString();
                    return Task.CompletedTask;
                };
            }

            o.Events.OnTokenValidated = context =>
            {
                var services = context.HttpContext.RequestServices;
                var audit = services.GetRequiredService<AuditLog>();
                var from = context.HttpContext.Connection.RemoteIpAddress?.ToString();
                var email = context.Principal?.FindFirst(settings.EmailClaim)?.Value;
                var verified = context.Principal?.FindFirst("email_verified")?.Value;
                var workspace = services.GetRequiredService<WorkspaceState>().Current.Loaded.Workspace;
                var person = string.IsNullOrWhiteSpace(email) || string.Equals(verified, "false", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : workspace?.People.FirstOrDefault(p => string.Equals(p.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));
                if (person is null)
                {
                    // The address goes nowhere but this refusal: a stranger's e-mail is not kept in the audit log.
                    audit.Write(null, "sign-in refused: OpenID Connect identity matches no person", from);
                    context.Fail(string.IsNullOrWhiteSpace(email)
                        ? $"your organization's sign-in sent no '{settings.EmailClaim}' claim, so Evidence cannot tell who you are"
                        : string.Equals(verified, "false", StringComparison.OrdinalIgnoreCase)
                            ? "your organization's sign-in says this e-mail address is not verified"
                            : "no person in evidence.yaml has the e-mail address your organization's sign-in gave; ask the compliance team to add it under people");
                    return Task.CompletedTask;
                }

                context.Principal = SessionPrincipal.For(person, Scheme);
                audit.Write(person.Id, "signed in (OpenID Connect)", from);
                return Task.CompletedTask;
            };
            o.Events.OnRemoteFailure = async context =>
            {
                // A refusal is a page that says why, never an exception page or a redirect loop.
                context.HandleResponse();
                var state = context.HttpContext.RequestServices.GetRequiredService<WorkspaceState>();
                // Our own refusals say what to do; a protocol or token error is named only by its kind, as its text
                // can quote the token back.
                var why = context.Failure is AuthenticationFailureException ? context.Failure.Message.TrimEnd('.')
                    : "your organization's sign-in answered with something Evidence could not accept (" + context.Failure?.GetType().Name + ")";
                var page = PortalPage.SignInHelp(state.Current.SystemName, why, oidc: true);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(page, context.HttpContext.RequestAborted).ConfigureAwait(false);
            };
        });
}

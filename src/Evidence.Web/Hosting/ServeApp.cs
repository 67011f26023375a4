using System.Threading.RateLimiting;
using Evidence.Web.Portal;
using Evidence.Web.SignIn;
using Evidence.Web.State;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Hosting;

/// <summary>
/// The web application's services and pipeline, shared by <c>evidence serve</c> (Kestrel) and the tests
/// (the test server), so both run exactly the same code.
/// </summary>
public static class ServeApp
{
    public const string SignInPolicy = "sign-in";

    public static void AddServices(IServiceCollection services, ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = new DataFolder(options.Workspace);
        folder.Ensure();
        services.AddSingleton(options);
        services.AddSingleton(folder);
        services.AddSingleton(options.Time);
        services.AddSingleton<WorkspaceState>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton(new InviteLedger(folder));
        services.AddSingleton(s => new InviteTokens(folder, options.Time, s.GetRequiredService<InviteLedger>()));
        services.AddSingleton(s => new AuditLog(folder, options.Time));
        services.AddSingleton<AttestationDesk>();
        services.AddHostedService<WorkspaceWatcher>();
        services.AddRouting();
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(folder.Combine("keys"))).SetApplicationName("evidence-serve");
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "evidence-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        });
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "evidence-session";
            o.Cookie.HttpOnly = true;
            // After an OpenID Connect sign-in the browser arrives from the provider's site, and a Strict cookie set
            // there is not sent on the redirect that follows; Lax still keeps it off cross-site POSTs, and every
            // form carries an antiforgery token besides.
            o.Cookie.SameSite = options.Oidc is null ? SameSiteMode.Strict : SameSiteMode.Lax;
            o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.Events.OnValidatePrincipal = SessionCheck.Validate;
        });
        if (options.Oidc is not null)
        {
            OidcSignIn.Add(authentication, options.Oidc);
        }

        services.AddAuthorization();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public static void UsePipeline(IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.Apply);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(RemoteGate.Apply);
        app.UseEndpoints(MapRoutes);
    }

    private static void MapRoutes(IEndpointRouteBuilder routes)
    {
        AssetRoutes.Map(routes);
        DashboardRoutes.Map(routes);
        PortalRoutes.Map(routes);
        LeadRoutes.Map(routes);
    }
}

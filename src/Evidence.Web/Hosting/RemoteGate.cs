using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Hosting;

/// <summary>
/// On loopback the dashboard is open to whoever uses this machine; once served to a network
/// (<c>--allow-remote</c>) every page but sign-in and the assets needs a signed-in person.
/// </summary>
internal static class RemoteGate
{
    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        var options = context.RequestServices.GetRequiredService<ServeOptions>();
        var path = context.Request.Path;
        var open = path.StartsWithSegments("/signin") || path.StartsWithSegments("/assets");
        if (options.Remote && !open && context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync().ConfigureAwait(false);
            return;
        }

        await next().ConfigureAwait(false);
    }
}

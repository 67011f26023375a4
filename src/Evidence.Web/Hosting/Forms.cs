using Evidence.Web.Pages;
using Evidence.Web.State;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Evidence.Web.Hosting;

/// <summary>The antiforgery check every POST makes before it reads a field.</summary>
internal static class Forms
{
    public static Task<bool> IsValid(HttpContext http) =>
        http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);

    public static IResult Rejected(WorkspaceState state) =>
        DashboardRoutes.Html(PortalPage.Refused(state.Current.SystemName, "This form was not sent from this site's own page (its antiforgery token is missing or wrong). Open the page again and resend it."), StatusCodes.Status400BadRequest);
}

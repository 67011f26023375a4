using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Evidence.Web.Hosting;

/// <summary>
/// The stylesheet and the live-update script, served from the assembly; and an empty answer for the icon every
/// browser asks for, so a visit does not end in a 404 logged to the browser console.
/// </summary>
internal static class AssetRoutes
{
    private static readonly byte[] Css = Read("assets/site.css");
    private static readonly byte[] Js = Read("assets/live.js");

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/assets/site.css", () => Results.Bytes(Css, "text/css; charset=utf-8"));
        routes.MapGet("/assets/live.js", () => Results.Bytes(Js, "text/javascript; charset=utf-8"));
        routes.MapGet("/favicon.ico", () => Results.NoContent());
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(AssetRoutes).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the asset {name} is not embedded in Evidence.Web");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

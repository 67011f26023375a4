using System.Net;
using System.Text.RegularExpressions;
using Evidence.Web.Portal;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Evidence.Web.Tests;

/// <summary>A browser-like client of the test server: keeps cookies, does not follow redirects, reads antiforgery tokens from forms.</summary>
public sealed partial class PortalClient(ServeFactory factory) : IDisposable
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public string Invite(string owner, TimeSpan? lifetime = null) =>
        new InviteTokens(new DataFolder(factory.Sample.Root), factory.Clock).Issue(owner, lifetime ?? TimeSpan.FromDays(7));

    /// <summary>Opens the link and presses "Sign in", as the owner would.</summary>
    public async Task<HttpResponseMessage> SignIn(string token)
    {
        var page = await Http.GetAsync(new Uri("/signin/" + token, UriKind.Relative), Cancel);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return page;
        }

        return await Post("/signin/" + token, await page.Content.ReadAsStringAsync(Cancel), []);
    }

    public async Task<string> Get(string path)
    {
        var response = await Http.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token of <paramref name="formPage"/> (none when it is null).</summary>
    public Task<HttpResponseMessage> Post(string path, string? formPage, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.ToList();
        if (formPage is not null)
        {
            var token = Token().Match(formPage);
            Assert.True(token.Success, "the page has no antiforgery field");
            all.Add(new(token.Groups["name"].Value, WebUtility.HtmlDecode(token.Groups["value"].Value)));
        }

        return Http.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(all), Cancel);
    }

    public Task<HttpResponseMessage> Attest(string portalPage, string control, string result, string comment) =>
        Post("/portal/attest", portalPage, [new("control", control), new("result", result), new("comment", comment)]);

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex Token();
}

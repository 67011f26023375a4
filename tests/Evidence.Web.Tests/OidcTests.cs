using System.Net;
using Evidence.Web.SignIn;

namespace Evidence.Web.Tests;

/// <summary>
/// OpenID Connect sign-in against a provider on 127.0.0.1 speaking the real protocol (discovery, JWKS,
/// authorization code with PKCE, an RS256-signed id_token): the e-mail claim picks the workspace person.
/// </summary>
public sealed class OidcTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private ServeFactory _factory = null!;
    private PortalClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOidcProvider.Start(Cancel);
        _factory = new ServeFactory(oidc: new OidcSettings(_provider.Issuer, FakeOidcProvider.ClientId, FakeOidcProvider.ClientSecret), realClock: true);
        _client = new PortalClient(_factory);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task APersonWhoseEmailIsInTheWorkspaceSignsInThroughTheProvider()
    {
        var (authorize, callback) = await SignInThroughProvider();
        var portal = await _client.Get("/portal");

        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", authorize.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/portal", callback.Headers.Location!.OriginalString);
        Assert.Equal(1, _provider.TokensIssued);
        Assert.Empty(_provider.Refusals);
        Assert.Contains("Signed in as Marcus Oyelaran", portal, StringComparison.Ordinal);
        Assert.Contains("\"who\":\"marcus-oyelaran\",\"what\":\"signed in (OpenID Connect)\"", File.ReadAllText(_factory.Sample.PathOf(".evidence/audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdentityWhoseEmailIsNobodyInTheWorkspaceIsRefusedAndGetsNoSession()
    {
        _provider.Email = "stranger@elsewhere.example";

        var (_, callback) = await SignInThroughProvider();
        var portal = await _client.Http.GetAsync(new Uri("/portal", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("no person in evidence.yaml has the e-mail address", await callback.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
        var audit = File.ReadAllText(_factory.Sample.PathOf(".evidence/audit.jsonl"));
        Assert.Contains("sign-in refused: OpenID Connect identity matches no person", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("stranger@", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnverifiedEmailIsRefused()
    {
        _provider.EmailVerified = false;

        var (_, callback) = await SignInThroughProvider();

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("not verified", await callback.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIdTokenSignedWithAKeyOutsideTheProvidersJwksIsRefused()
    {
        _provider.SignWithForeignKey = true;

        var (_, callback) = await SignInThroughProvider();
        var page = await callback.Content.ReadAsStringAsync(Cancel);
        var portal = await _client.Http.GetAsync(new Uri("/portal", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Contains("could not accept", page, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, portal.StatusCode);
    }

    [Fact]
    public async Task ACallbackWithAnAlteredStateIsRefused()
    {
        var challenge = await _client.Http.GetAsync(new Uri("/signin/oidc", UriKind.Relative), Cancel);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(challenge.Headers.Location, Cancel);
        var tampered = back.Headers.Location!.PathAndQuery.Replace("state=", "state=x", StringComparison.Ordinal);

        var callback = await _client.Http.GetAsync(new Uri(tampered, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, callback.StatusCode);
        Assert.Equal(0, _provider.TokensIssued);
    }

    [Fact]
    public async Task TheSignInPageOffersTheProviderAndInviteLinksStillWork()
    {
        var signInPage = await _client.Get("/signin");
        var signIn = await _client.SignIn(_client.Invite("rachel-okafor"));

        Assert.Contains("href=\"/signin/oidc\"", signInPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Signed in as Rachel Okafor", await _client.Get("/portal"), StringComparison.Ordinal);
    }

    /// <summary>What a browser does: our challenge sends it to the provider, the provider sends it back with a code.</summary>
    private async Task<(Uri Authorize, HttpResponseMessage Callback)> SignInThroughProvider()
    {
        var challenge = await _client.Http.GetAsync(new Uri("/signin/oidc", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(_provider.Issuer.ToString(), authorize.ToString(), StringComparison.Ordinal);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await browser.GetAsync(authorize, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = await _client.Http.GetAsync(new Uri(back.Headers.Location!.PathAndQuery, UriKind.Relative), Cancel);
        return (authorize, callback);
    }
}

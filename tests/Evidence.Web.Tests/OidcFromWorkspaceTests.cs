using System.Net;
using System.Net.Sockets;
using Evidence.Cli;

namespace Evidence.Web.Tests;

/// <summary>
/// <c>evidence serve</c>, run as the CLI runs it, takes its OpenID Connect provider from <c>serve.oidc</c> of
/// evidence.yaml, with the secret from the environment; a flag overrides the file's key. The provider is
/// <see cref="FakeOidcProvider"/> on 127.0.0.1, the only place plain http is allowed.
/// </summary>
public sealed class OidcFromWorkspaceTests : IAsyncLifetime
{
    private readonly SampleCopy _sample = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly CookieContainer _cookies = new();
    private FakeOidcProvider _provider = null!;
    private HttpClient _browser = null!;
    private Task<int>? _serve;
    private int _port;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOidcProvider.Start(Cancel);
        _port = FreePort();
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = new Uri($"http://127.0.0.1:{_port}/") };
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_serve is not null)
        {
            await _serve;
        }

        _browser.Dispose();
        _stop.Dispose();
        await _provider.DisposeAsync();
        _sample.Dispose();
    }

    [Fact]
    public async Task TheProviderNamedInEvidenceYamlSignsAPersonIn()
    {
        await Serve($"authority: {_provider.Issuer}\n    client_id: {FakeOidcProvider.ClientId}\n    scopes: [openid, email]");

        var (authorize, callback) = await SignInThroughProvider();

        Assert.StartsWith(_provider.Issuer.ToString(), authorize.ToString(), StringComparison.Ordinal);
        Assert.Contains("scope=openid%20email&", authorize.Query, StringComparison.Ordinal);
        Assert.Contains($"redirect_uri={Uri.EscapeDataString($"http://127.0.0.1:{_port}/signin-oidc")}", authorize.Query, StringComparison.Ordinal);
        Assert.Equal(("/portal", 1), (callback.Headers.Location?.OriginalString, _provider.TokensIssued));
        Assert.Contains("Signed in as Marcus Oyelaran", await _browser.GetStringAsync(new Uri("/portal", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Contains($"Or with {_provider.Issuer}", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlagsOverrideTheFilesKeysAndTheRedirectBaseIsWhatTheProviderIsSent()
    {
        var redirectBase = $"http://localhost:{_port}";
        await Serve($"authority: {_provider.Issuer}\n    client_id: someone-elses-client\n    email_claim: upn\n    redirect_base_url: {redirectBase}",
            "--oidc-client-id", FakeOidcProvider.ClientId, "--oidc-email-claim", "email");

        var (authorize, callback) = await SignInThroughProvider();

        Assert.Contains($"client_id={FakeOidcProvider.ClientId}&", authorize.Query, StringComparison.Ordinal);
        Assert.Contains($"redirect_uri={Uri.EscapeDataString(redirectBase + "/signin-oidc")}&", authorize.Query, StringComparison.Ordinal);
        Assert.Empty(_provider.Refusals);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Contains("Signed in as Marcus Oyelaran", await _browser.GetStringAsync(new Uri("/portal", UriKind.Relative), Cancel), StringComparison.Ordinal);
        Assert.Contains($"register {redirectBase}/signin-oidc as its redirect URI", _output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Writes <paramref name="oidc"/> under serve.oidc of the sample's evidence.yaml and starts serve on it.</summary>
    private async Task Serve(string oidc, params string[] flags)
    {
        var yaml = _sample.PathOf("evidence.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml) + $"serve:\n  oidc:\n    {oidc}\n");
        var context = new CliContext
        {
            Out = TextWriter.Synchronized(_output),
            Error = TextWriter.Synchronized(_output),
            Environment = name => name == "EVIDENCE_OIDC_CLIENT_SECRET" ? FakeOidcProvider.ClientSecret : null,
            Cancellation = _stop.Token,
        };
        string[] args = ["serve", _sample.Root, "--port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as-of", "2026-11-21T09:00:00Z", .. flags];
        _serve = Task.Run(() => EvidenceApp.Run(args, context), Cancel);
        for (var attempt = 0; ; attempt++)
        {
            Assert.False(_serve.IsCompleted, $"serve stopped before it answered: {_output}");
            try
            {
                using var probe = await _browser.GetAsync(new Uri("/signin", UriKind.Relative), Cancel);
                return;
            }
            catch (HttpRequestException) when (attempt < 200)
            {
                await Task.Delay(100, Cancel);
            }
        }
    }

    /// <summary>What a browser does: our challenge sends it to the provider, the provider sends it back with a code.</summary>
    private async Task<(Uri Authorize, HttpResponseMessage Callback)> SignInThroughProvider()
    {
        var challenge = await _browser.GetAsync(new Uri("/signin/oidc", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await provider.GetAsync(authorize, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = await _browser.GetAsync(new Uri(back.Headers.Location!.PathAndQuery, UriKind.Relative), Cancel);
        return (authorize, callback);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

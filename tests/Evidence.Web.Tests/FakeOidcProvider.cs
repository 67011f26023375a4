using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Evidence.Web.Tests;

/// <summary>
/// An OpenID Connect provider on 127.0.0.1 that speaks the real protocol, as Entra ID or Okta would: a discovery
/// document, a JWKS with its RSA key, an authorization endpoint that signs in <see cref="Email"/> at once, and a
/// token endpoint that checks the client secret, the redirect address and the PKCE verifier (S256) before it
/// answers with an id_token signed RS256 carrying the nonce it was given. A code works once.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "evidence-test-client";
    public const string ClientSecret = "test-client-secret-not-real";
    private const string KeyId = "fake-key-1";

    private readonly WebApplication _app;
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _foreignKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private FakeOidcProvider(WebApplication app) => _app = app;

    public Uri Issuer { get; private set; } = null!;

    /// <summary>Who is signed in at the provider; the next authorization is theirs.</summary>
    public string? Email { get; set; } = "marcus.oyelaran@acme-health.example";

    public bool EmailVerified { get; set; } = true;

    /// <summary>Sign id_tokens with a key that is not in the JWKS, as a forger would.</summary>
    public bool SignWithForeignKey { get; set; }

    /// <summary>Token requests refused, each with the reason, so a test can tell PKCE was checked.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    private int _tokensIssued;

    /// <summary>How many id_tokens the token endpoint gave out.</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public static async Task<FakeOidcProvider> Start(CancellationToken cancel)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var provider = new FakeOidcProvider(app);
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Jwks);
        app.MapGet("/authorize", provider.Authorize);
        app.MapPost("/token", provider.Token);
        await app.StartAsync(cancel);
        provider.Issuer = new Uri(app.Urls.Single().TrimEnd('/'));
        return provider;
    }

    private IResult Discovery()
    {
        var issuer = Issuer.ToString().TrimEnd('/');
        var document = $$"""
            {
              "issuer": "{{issuer}}",
              "authorization_endpoint": "{{issuer}}/authorize",
              "token_endpoint": "{{issuer}}/token",
              "jwks_uri": "{{issuer}}/jwks",
              "response_types_supported": ["code"],
              "subject_types_supported": ["public"],
              "id_token_signing_alg_values_supported": ["RS256"],
              "code_challenge_methods_supported": ["S256"],
              "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
              "scopes_supported": ["openid", "email", "profile"]
            }
            """;
        return Results.Content(document, "application/json");
    }

    private IResult Jwks()
    {
        var p = _key.ExportParameters(includePrivateParameters: false);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = B64(p.Modulus!), e = B64(p.Exponent!) } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || !q["scope"].ToString().Split(' ').Contains("openid")
            || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return Results.BadRequest("invalid_request: client_id, response_type=code, scope openid and a PKCE S256 challenge are required");
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(q["redirect_uri"]!, q["nonce"].ToString(), q["code_challenge"]!, Email);
        var back = $"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}";
        return Results.Redirect(back);
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (id, secret) = ClientCredentials(request, form);
        Grant? grant = null;
        var refusal = form["grant_type"] != "authorization_code" ? "unsupported_grant_type"
            : id != ClientId || secret != ClientSecret ? "invalid_client"
            : !_codes.TryRemove(form["code"].ToString(), out grant) ? "invalid_grant: unknown or used code"
            : grant.RedirectUri != form["redirect_uri"] ? "invalid_grant: redirect_uri differs"
            : B64(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge ? "invalid_grant: PKCE verifier does not match"
            : null;
        if (refusal is not null || grant is null)
        {
            Refusals.Enqueue(refusal ?? "invalid_grant");
            return Results.Json(new { error = (refusal ?? "invalid_grant").Split(':')[0], error_description = refusal }, statusCode: StatusCodes.Status400BadRequest);
        }

        Interlocked.Increment(ref _tokensIssued);
        return Results.Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 3600, id_token = IdToken(grant) });
    }

    private (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private string IdToken(Grant grant)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer.ToString().TrimEnd('/'),
            ["sub"] = "subject-" + (grant.Email ?? "none"),
            ["aud"] = ClientId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 600,
            ["nonce"] = grant.Nonce,
        };
        if (grant.Email is not null)
        {
            claims["email"] = grant.Email;
            claims["email_verified"] = EmailVerified;
        }

        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = KeyId }));
        var body = B64(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signer = SignWithForeignKey ? _foreignKey : _key;
        var signature = signer.SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + body + "." + B64(signature);
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _key.Dispose();
        _foreignKey.Dispose();
    }

    private sealed record Grant(string RedirectUri, string Nonce, string Challenge, string? Email);
}

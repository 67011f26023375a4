using Evidence.Core.Diagnostics;

namespace Evidence.Core.Workspaces;

/// <summary>
/// The OpenID Connect provider people sign in to <c>evidence serve</c> with (<c>serve.oidc</c> in evidence.yaml):
/// everything but the client secret, which is never written in a file (it comes from the environment).
/// </summary>
public sealed record OidcProvider
{
    /// <summary>The scopes asked for when the file names none: openid, and the e-mail and profile claims.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "email", "profile"];

    /// <summary>The claim matched against <c>people[].email</c> when the file names none.</summary>
    public const string DefaultEmailClaim = "email";

    /// <summary>The issuer URL, whose discovery document names the endpoints and keys.</summary>
    public required Uri Authority { get; init; }

    /// <summary>The client (application) id registered with the provider.</summary>
    public required string ClientId { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = DefaultScopes;

    public string EmailClaim { get; init; } = DefaultEmailClaim;

    /// <summary>
    /// The address people reach the server at (behind a proxy, say): the redirect URI registered with the provider is
    /// this followed by /signin-oidc. Null: the address each request came to.
    /// </summary>
    public Uri? RedirectBase { get; init; }

    public SourceLocation Location { get; init; }

    /// <summary>
    /// True for an address fit for sign-in traffic: https, or plain http only on this machine (a development or test
    /// provider on 127.0.0.1 or localhost), where nothing crosses a network.
    /// </summary>
    public static bool IsSecureOrLocal(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsAbsoluteUri && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));
    }
}

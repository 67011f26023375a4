namespace Evidence.Web.SignIn;

/// <summary>
/// Sign-in through an OpenID Connect provider (Microsoft Entra ID, Okta, ...): the authorization code flow with
/// PKCE; the identity's e-mail names the workspace person. The client secret comes from the environment, never a file.
/// </summary>
public sealed record OidcSettings(Uri Authority, string ClientId, string? ClientSecret)
{
    /// <summary>The claim whose value is matched against <c>people[].email</c>.</summary>
    public string EmailClaim { get; init; } = Core.Workspaces.OidcProvider.DefaultEmailClaim;

    /// <summary>The scopes asked for; openid among them.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = Core.Workspaces.OidcProvider.DefaultScopes;

    /// <summary>The address people reach the server at (behind a proxy, say); null for the address each request came to.</summary>
    public Uri? RedirectBase { get; init; }

    /// <summary>The redirect URI to register with the provider, when <see cref="RedirectBase"/> fixes it.</summary>
    public Uri? RedirectUri => RedirectBase is { } b ? new Uri(b.GetLeftPart(UriPartial.Path).TrimEnd('/') + CallbackPath) : null;

    /// <summary>Where the provider sends the browser back with the code; register this path with the provider.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// True when the provider's metadata may be fetched over plain HTTP: only for a provider on this machine
    /// (a development or test provider); anything on a network must be HTTPS.
    /// </summary>
    public bool AllowsHttpMetadata => Authority.IsLoopback;
}

namespace Evidence.Web.SignIn;

/// <summary>
/// Sign-in through an OpenID Connect provider (Microsoft Entra ID, Okta, ...): the authorization code flow with
/// PKCE; the identity's e-mail names the workspace person. The client secret comes from the environment, never a file.
/// </summary>
public sealed record OidcSettings(Uri Authority, string ClientId, string? ClientSecret)
{
    /// <summary>The claim whose value is matched against <c>people[].email</c>.</summary>
    public string EmailClaim { get; init; } = "email";

    /// <summary>Where the provider sends the browser back with the code; register this path with the provider.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// True when the provider's metadata may be fetched over plain HTTP: only for a provider on this machine
    /// (a development or test provider); anything on a network must be HTTPS.
    /// </summary>
    public bool AllowsHttpMetadata => Authority.IsLoopback;
}

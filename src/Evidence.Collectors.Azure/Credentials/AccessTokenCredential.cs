using Azure.Core;

namespace Evidence.Collectors.Azure.Credentials;

/// <summary>
/// A token acquired elsewhere (<c>az account get-access-token</c>, a pipeline's federated login) and
/// handed over in <see cref="EnvironmentVariable"/>. It is offered as if it never expired, so Azure.Core
/// never tries to refresh it; the token's own expiry still applies at Resource Manager, which answers
/// 401 once it has passed, and the collection then stops with a message asking for a fresh one.
/// </summary>
internal sealed class AccessTokenCredential(string token) : TokenCredential
{
    public const string EnvironmentVariable = "EVIDENCE_AZURE_ACCESS_TOKEN";

    private readonly AccessToken _token = new(token, DateTimeOffset.MaxValue);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_token);
}

using Azure.Core;

namespace Evidence.Collectors.Azure.Tests.Support;

/// <summary>A credential that hands out one token, or fails as a credential with nothing to offer does.</summary>
public sealed class FixedTokenCredential(string token, Exception? failure = null) : TokenCredential
{
    private int _requests;

    public int Requests => _requests;

    public IReadOnlyList<string> Scopes { get; private set; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        Scopes = requestContext.Scopes;
        return failure is null ? new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1)) : throw failure;
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

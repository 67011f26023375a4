using Azure.Core;

namespace Evidence.Collectors.Azure.Credentials;

/// <summary>
/// Hands out the token the inner credential gave for the same scopes until it is within five minutes
/// of expiring, so that the token asked for to check the credentials before a run is the one the first
/// requests carry. Some credentials (the Azure CLI's) start a process for every token and keep none.
/// Callers that come while a token is being fetched wait for that one; a failed fetch is not kept.
/// </summary>
internal sealed class ReusedTokenCredential(TokenCredential inner, TimeProvider time) : TokenCredential
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private (string Scopes, Task<AccessToken> Token)? _last;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var scopes = string.Join(' ', requestContext.Scopes);
        Task<AccessToken> token;
        lock (_gate)
        {
            if (_last is not { } last || last.Scopes != scopes || !Usable(last.Token))
            {
                _last = (scopes, inner.GetTokenAsync(requestContext, cancellationToken).AsTask());
            }

            token = _last.Value.Token;
        }

        return new ValueTask<AccessToken>(token);
    }

    private bool Usable(Task<AccessToken> token) =>
        !token.IsCompleted || (token.IsCompletedSuccessfully && token.Result.ExpiresOn - RefreshBefore > time.GetUtcNow());
}

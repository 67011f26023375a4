using Azure.Core;
using Evidence.Collectors.Aws.Credentials;

namespace Evidence.Cli.Collect;

/// <summary>
/// Credentials for replaying recordings: nothing leaves the machine, so they only have to be well
/// formed. Fixed values keep a replay independent of whoever runs it.
/// </summary>
internal static class OfflineCredentials
{
    public static IAwsCredentialSource Aws { get; } =
        new StaticAwsCredentialSource(new AwsCredentials("AKIAEVIDENCEOFFLINE0", "evidence-offline-replay-secret-key-000000"));

    public static TokenCredential Azure { get; } = new StaticToken("evidence-offline-replay");

    private sealed class StaticToken(string token) : TokenCredential
    {
        private readonly AccessToken _token = new(token, DateTimeOffset.MaxValue);

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => _token;

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(_token);
    }
}

namespace Evidence.Collectors.Aws.Credentials;

/// <summary>Fixed credentials: for tests, and for callers that resolved credentials themselves.</summary>
public sealed class StaticAwsCredentialSource(AwsCredentials credentials) : IAwsCredentialSource
{
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}

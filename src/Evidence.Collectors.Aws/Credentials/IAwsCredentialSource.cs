namespace Evidence.Collectors.Aws.Credentials;

/// <summary>
/// Where the client gets credentials for each request. Implementations cache and refresh as they need;
/// one that cannot find or refresh credentials throws <see cref="Core.Collection.CollectionAbortedException"/>.
/// </summary>
public interface IAwsCredentialSource
{
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}

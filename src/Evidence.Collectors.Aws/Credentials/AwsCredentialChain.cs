using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Credentials;

/// <summary>
/// The AWS SDK's standard credential chain (environment, shared config and credentials files with
/// assume-role, SSO and credential_process profiles, web identity, container and instance metadata),
/// or one named profile (<c>--aws-profile</c>). The chain is walked once, on first use; the SDK then
/// refreshes temporary credentials as they near expiry. Failing to find or refresh credentials stops
/// the collection with one message, since no request could succeed without them.
/// </summary>
public sealed class AwsCredentialChain : IAwsCredentialSource, IDisposable
{
    private readonly string? _profile;
    private readonly string? _profilesLocation;
    private readonly DefaultAWSCredentialsIdentityResolver _resolver = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    /// <param name="profile">A profile of the shared config or credentials file; null walks the default chain (which honours AWS_PROFILE).</param>
    /// <param name="profilesLocation">The shared credentials file to read the profile from; null means the standard locations.</param>
    public AwsCredentialChain(string? profile = null, string? profilesLocation = null)
    {
        _profile = profile;
        _profilesLocation = profilesLocation;
    }

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var source = _credentials ?? await ResolveAsync(cancellationToken).ConfigureAwait(false);
        ImmutableCredentials immutable;
        try
        {
            immutable = await source.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException or IOException)
        {
            throw new CollectionAbortedException(
                $"the AWS credentials{ProfileText} could not be refreshed ({e.Message}); run 'aws sso login'{ProfileOption} or renew them, or use --offline", e);
        }

        return new AwsCredentials(immutable.AccessKey, immutable.SecretKey, immutable.UseToken ? immutable.Token : null)
        {
            AccountId = string.IsNullOrEmpty(immutable.AccountId) ? null : immutable.AccountId,
        };
    }

    public void Dispose()
    {
        _resolver.Dispose();
        _gate.Dispose();
    }

    private string ProfileText => _profile is null ? string.Empty : $" of profile '{_profile}'";

    private string ProfileOption => _profile is null ? string.Empty : $" --profile {_profile}";

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credentials is not null)
            {
                return _credentials;
            }

            // Only a client config can carry a profile into the resolver; the STS one is the lightest at hand.
            var config = _profile is null ? null : new AmazonSecurityTokenServiceConfig { Profile = new Profile(_profile, _profilesLocation) };
            _credentials = await _resolver.ResolveIdentityAsync(config, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(null);
            return _credentials;
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or InvalidOperationException or IOException or ArgumentException)
        {
            throw NotFound(e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private CollectionAbortedException NotFound(Exception? inner)
    {
        var where = _profile is null
            ? "set AWS_PROFILE or pass --aws-profile, run 'aws sso login', or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
            : $"check that profile '{_profile}' exists in ~/.aws/config or ~/.aws/credentials, and run 'aws sso login --profile {_profile}' if it uses SSO";
        // The default chain's own message lists every provider it tried, one per line: too much for one clear message.
        var first = inner?.Message.Split('\n', 2)[0].Trim();
        var detail = first is null || first.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal) ? string.Empty : $" ({first})";
        var message = $"no AWS credentials found{detail}: {where}; or use --offline";
        return inner is null ? new CollectionAbortedException(message) : new CollectionAbortedException(message, inner);
    }
}

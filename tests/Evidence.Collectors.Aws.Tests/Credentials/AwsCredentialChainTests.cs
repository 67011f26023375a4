using Evidence.Collectors.Aws.Credentials;
using Evidence.Core.Collection;
using Evidence.Testing;

namespace Evidence.Collectors.Aws.Tests.Credentials;

/// <summary>
/// The SDK credential chain with a named profile (<c>--aws-profile</c>), read from a credentials file
/// of the test's own: static keys resolve without any network, a missing profile stops with one message.
/// </summary>
public sealed class AwsCredentialChainTests
{
    [Fact]
    public async Task ANamedProfileResolvesItsKeys()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("credentials");
        await File.WriteAllTextAsync(file, """
            [audit]
            aws_access_key_id = AKIAFAKEPROFILE00001
            aws_secret_access_key = profile/secret/000000000000000000000001
            aws_session_token = profile-session-token
            """, TestContext.Current.CancellationToken);
        using var chain = new AwsCredentialChain("audit", file);

        var credentials = await chain.GetCredentialsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("AKIAFAKEPROFILE00001", "profile/secret/000000000000000000000001", "profile-session-token"),
            (credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
    }

    [Fact]
    public async Task AMissingProfileStopsCollectionWithOneClearMessage()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("credentials");
        await File.WriteAllTextAsync(file, "[other]\naws_access_key_id = AKIAFAKE\naws_secret_access_key = x\n", TestContext.Current.CancellationToken);
        using var chain = new AwsCredentialChain("audit", file);

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(async () => await chain.GetCredentialsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            "no AWS credentials found (Unable to find the \"audit\" profile specified in the client configuration.): check that profile 'audit' exists in ~/.aws/config or ~/.aws/credentials, and run 'aws sso login --profile audit' if it uses SSO; or use --offline",
            e.Message);
    }

    [Fact]
    public async Task PreparingACollectorResolvesTheCredentialsBeforeAnyRequest()
    {
        using var collector = new AwsConfigCollector(new AwsConfigOptions { Profile = "evidence-tests-no-such-profile", Environment = _ => null });

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(() => collector.PrepareAsync([], TestContext.Current.CancellationToken));

        Assert.StartsWith("no AWS credentials found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithNothingConfiguredTheDefaultChainSaysHowToFixIt()
    {
        using var chain = new AwsCredentialChain();

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(async () => await chain.GetCredentialsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(
            "no AWS credentials found: set AWS_PROFILE or pass --aws-profile, run 'aws sso login', or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; or use --offline",
            e.Message);
    }

    [Fact]
    public async Task TheDefaultChainReadsTheEnvironment()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFAKEENVIRONMENT1");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "environment/secret/0000000000000000001");
        try
        {
            using var chain = new AwsCredentialChain();

            var credentials = await chain.GetCredentialsAsync(TestContext.Current.CancellationToken);

            Assert.Equal(("AKIAFAKEENVIRONMENT1", (string?)null), (credentials.AccessKeyId, credentials.SessionToken));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        }
    }
}

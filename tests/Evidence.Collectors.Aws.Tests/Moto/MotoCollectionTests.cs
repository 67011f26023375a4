using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Collection;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Endpoints;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Store;
using Evidence.Testing;

namespace Evidence.Collectors.Aws.Tests.Moto;

/// <summary>
/// The collector against moto, an emulator written by others from AWS's own service models: its
/// paging, its error bodies (XML, whatever the protocol), its SigV4 verification and the operations
/// it lacks. Skipped, saying why, where moto_server is not installed.
/// </summary>
public sealed class MotoCollectionTests(MotoDeployment moto) : IClassFixture<MotoDeployment>
{
    [Fact]
    public async Task DiscoveryReadsEveryPageAndFindsPlainNamesPackSuffixesAndIdentifiers()
    {
        using var client = Client(Moto.Allowed);
        var directory = new RuleDirectory(client);

        var lookup = await directory.DeployedAsync(MotoServer.Account, MotoServer.Region, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Null(lookup.Error);
        Assert.Equal((2, MotoDeployment.Rules), (lookup.Pages.Count, lookup.Rules.Count));
        Assert.All(lookup.Rules, r => Assert.Equal(MotoServer.Account, r.Account));
        Assert.Equal([MotoDeployment.PlainName], RuleMatcher.Match(lookup.Rules, "S3_BUCKET_PUBLIC_READ_PROHIBITED", null));
        Assert.Equal([MotoDeployment.PackName], RuleMatcher.Match(lookup.Rules, "IAM_USER_MFA_ENABLED", null));
        Assert.Equal([MotoDeployment.OwnName], RuleMatcher.Match(lookup.Rules, "RDS_SNAPSHOT_ENCRYPTED", null));
    }

    [Fact]
    public async Task AnOperationMotoLacksFailsItsItemWithTheServersAnswerAndTheRunCompletes()
    {
        using var collector = new AwsConfigCollector(Options(Moto.Allowed));
        using var folder = new TempDirectory();
        var writer = Writer(folder);
        string[] rules = ["S3_BUCKET_PUBLIC_READ_PROHIBITED", "IAM_USER_MFA_ENABLED", "RDS_SNAPSHOT_ENCRYPTED", "VPC_FLOW_LOGS_ENABLED"];
        var tasks = rules.Select((rule, i) => AwsHarness.RuleTask($"aws-{i + 1:D4}", rule, MotoServer.Account, MotoServer.Region)).ToList();

        var result = await new CollectionRunner([collector], TimeProvider.System).RunAsync(tasks, writer, new CountingProgress(), TestContext.Current.CancellationToken);

        // moto has no GetComplianceDetailsByConfigRule: it answers 500 with an HTML page, retried, then recorded.
        Assert.Equal((true, 0, 4), (result.Complete, result.Collected, result.Failed));
        var items = writer.Items.OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(["Http500", "Http500", "Http500", "NoSuchConfigRuleException"], items.Select(i => i.Error!.Code));
        Assert.EndsWith($"(rule {MotoDeployment.PlainName})", items[0].Error!.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(rule {MotoDeployment.PackName})", items[1].Error!.Message, StringComparison.Ordinal);
        Assert.EndsWith($"(rule {MotoDeployment.OwnName})", items[2].Error!.Message, StringComparison.Ordinal);
        Assert.StartsWith("GetComplianceDetailsByConfigRule: HTTP 500", items[0].Error!.Message, StringComparison.Ordinal);
        Assert.EndsWith(".txt", Assert.Single(items[0].Raw).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MotoVerifiesOurSignatureAndAnAdvancedQueryIsCollected()
    {
        using var collector = new AwsConfigCollector(Options(Moto.Allowed));
        using var folder = new TempDirectory();
        var task = AwsHarness.QueryTask("aws-0001", "SELECT resourceId, resourceType WHERE resourceType = 'AWS::S3::Bucket'", MotoServer.Account, MotoServer.Region);

        var item = await collector.CollectAsync(task, Writer(folder), new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((ItemStatus.Collected, 0), (item.Status, item.Rows));
    }

    [Theory]
    [InlineData("wrong-secret", "SignatureDoesNotMatch")]
    [InlineData("unknown-key", "InvalidClientTokenId")]
    public async Task CredentialsMotoRejectsStopTheRunAsRejectedCredentials(string problem, string code)
    {
        var key = Moto.Allowed;
        var used = problem == "wrong-secret" ? key with { SecretAccessKey = "not-the-secret" } : key with { AccessKeyId = "AKIAUNKNOWN000000000" };
        using var collector = new AwsConfigCollector(Options(used));
        using var folder = new TempDirectory();
        var tasks = new[] { AwsHarness.RuleTask("aws-0001", "S3_BUCKET_PUBLIC_READ_PROHIBITED", MotoServer.Account, MotoServer.Region) };

        var result = await new CollectionRunner([collector], TimeProvider.System).RunAsync(tasks, Writer(folder), new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.False(result.Complete);
        Assert.StartsWith($"AWS Config rejected the credentials ({code}: ", result.AbortReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialsWithoutPermissionFailEachQueryAsAccessDeniedAndTheRunGoesOn()
    {
        using var collector = new AwsConfigCollector(Options(Moto.Denied));
        using var folder = new TempDirectory();
        var writer = Writer(folder);
        var tasks = new[] { AwsHarness.RuleTask("aws-0001", "S3_BUCKET_PUBLIC_READ_PROHIBITED", MotoServer.Account, MotoServer.Region) };

        var result = await new CollectionRunner([collector], TimeProvider.System).RunAsync(tasks, writer, new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal((true, 1), (result.Complete, result.Failed));
        var error = Assert.Single(writer.Items).Error!;
        Assert.Equal("AccessDenied", error.Code);
        Assert.Contains("is not authorized to perform: config:DescribeConfigRules", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATaskForAnotherAccountThanTheRulesOwnerFailsAsWrongAccount()
    {
        using var collector = new AwsConfigCollector(Options(Moto.Allowed));
        using var folder = new TempDirectory();
        var task = AwsHarness.RuleTask("aws-0001", "S3_BUCKET_PUBLIC_READ_PROHIBITED", "111122223333", MotoServer.Region);

        var item = await collector.CollectAsync(task, Writer(folder), new CountingProgress(), TestContext.Current.CancellationToken);

        Assert.Equal(("WrongAccount", ItemStatus.Failed), (item.Error!.Code, item.Status));
        Assert.StartsWith($"the AWS credentials are for account {MotoServer.Account}, not 111122223333", item.Error.Message, StringComparison.Ordinal);
    }

    private MotoDeployment Moto
    {
        get
        {
            if (moto.SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }

            return moto;
        }
    }

    private AwsConfigClient Client(AwsCredentials credentials) => new(Options(credentials));

    private AwsConfigOptions Options(AwsCredentials credentials) => new()
    {
        Credentials = new StaticAwsCredentialSource(credentials),
        Environment = name => name == AwsEndpointResolver.ServiceVariable ? moto.Server.Endpoint.ToString() : null,
        Rate = new AdaptiveRateOptions { InitialRate = 200, MaxRate = 200, Burst = 20 },
        Retry = new AwsRetryOptions { ThrottleRetries = 3, TransientRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), Randomizer = () => 0.5 },
    };

    private static EvidenceRunWriter Writer(TempDirectory folder) => EvidenceRunWriter.Start(folder.Path, AwsHarness.StartedAt, "test-system", "evidence-tests");
}

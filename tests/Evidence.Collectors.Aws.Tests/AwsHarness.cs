using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Endpoints;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;
using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;
using Evidence.Testing;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests;

/// <summary>
/// A fake AWS Config on loopback, a run folder, and collector options pointed at the fake through
/// AWS_ENDPOINT_URL_CONFIG_SERVICE (read from a dictionary, never the process environment), with the
/// fake's test key, fast deterministic backoff and a rate limit high enough not to slow tests down.
/// </summary>
internal sealed class AwsHarness : IAsyncDisposable
{
    public const string Account = "111122223333";
    public const string Region = "us-east-1";
    public const string West = "us-west-2";

    public static readonly DateTimeOffset ServerTime = new(2026, 11, 20, 6, 0, 7, TimeSpan.Zero);
    public static readonly DateTimeOffset Invoked = new(2026, 11, 20, 3, 16, 24, TimeSpan.Zero);
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 20, 6, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _folder = new();
    private EvidenceRunWriter? _writer;

    private AwsHarness(FakeAwsConfigServer server)
    {
        Server = server;
        server.Clock = () => ServerTime;
        Environment[AwsEndpointResolver.ServiceVariable] = server.Endpoint.ToString();
    }

    public FakeAwsConfigServer Server { get; }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public FakeConfigRegion East => Server.Data.In(Account, Region);

    public string Root => _folder.Path;

    public EvidenceRunWriter Writer => _writer ??= EvidenceRunWriter.Start(_folder.Path, StartedAt, "test-system", "evidence-tests");

    public static async Task<AwsHarness> StartAsync() => new(await FakeAwsConfigServer.StartAsync());

    public AwsConfigOptions Options(FakeAwsCredential? credential = null) => new()
    {
        Credentials = new StaticAwsCredentialSource(ToCredentials(credential ?? FakeAwsCredential.Default)),
        Environment = name => Environment.GetValueOrDefault(name),
        Rate = new AdaptiveRateOptions { InitialRate = 1000, MaxRate = 1000, Burst = 100 },
        Retry = new AwsRetryOptions { ThrottleRetries = 3, TransientRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), Randomizer = () => 0.5 },
    };

    public static AwsCredentials ToCredentials(FakeAwsCredential credential) =>
        new(credential.AccessKeyId, credential.SecretAccessKey, credential.SessionToken);

    public static CollectionTask RuleTask(string itemId, string rule, string account = Account, string region = Region, AwsAggregator? aggregator = null) =>
        new(itemId, new AwsConfigRuleQuery(rule) { Location = SourceLocation.OfFile("test") }, AwsCloud.Source(account, region)) { Boundary = Within(aggregator) };

    public static CollectionTask QueryTask(string itemId, string expression, string account = Account, string region = Region, AwsAggregator? aggregator = null) =>
        new(itemId, new AwsConfigAdvancedQuery("inventory", "Inventory", expression) { Location = SourceLocation.OfFile("test") }, AwsCloud.Source(account, region))
        {
            Boundary = Within(aggregator),
        };

    private static Boundary? Within(AwsAggregator? aggregator) => aggregator is null ? null : new Boundary(null, [new AwsBoundary(aggregator, [])]);

    public string RunFile(string relative) => Path.Combine(Writer.Directory, relative);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}

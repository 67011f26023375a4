using System.Globalization;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Credentials;

namespace Evidence.Collectors.Aws.Tests.Moto;

/// <summary>
/// One moto for <see cref="MotoCollectionTests"/>: two IAM users (one allowed everything, one allowed
/// nothing) and, in <see cref="MotoServer.Account"/> and <see cref="MotoServer.Region"/>, more rules than
/// one DescribeConfigRules page holds (moto pages by 25): fillers, then a rule under its plain name, one
/// under a conformance-pack name and one under a name of its own that only its identifier gives away.
/// Signatures are required once everything is deployed.
/// </summary>
public sealed class MotoDeployment : IAsyncLifetime
{
    public const string PlainName = "s3-bucket-public-read-prohibited";
    public const string PackName = "iam-user-mfa-enabled-conformance-pack-k7m2p9";
    public const string OwnName = "rds-snapshots-at-rest";
    public const int Fillers = 30;

    private MotoServer? _server;

    /// <summary>Why the tests cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    internal MotoServer Server => _server ?? throw new InvalidOperationException(SkipReason);

    internal AwsCredentials Allowed { get; private set; } = null!;

    internal AwsCredentials Denied { get; private set; } = null!;

    public static int Rules => Fillers + 3;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        (_server, SkipReason) = await MotoServer.StartAsync(cancellationToken);
        if (_server is null)
        {
            return;
        }

        Allowed = await _server.CreateUserAsync("evidence-collector", allowEverything: true, cancellationToken);
        Denied = await _server.CreateUserAsync("evidence-no-permissions", allowEverything: false, cancellationToken);
        for (var i = 0; i < Fillers; i++)
        {
            await DeployAsync($"filler-rule-{i.ToString("D2", CultureInfo.InvariantCulture)}", "CLOUD_TRAIL_ENABLED", cancellationToken);
        }

        await DeployAsync(PlainName, "S3_BUCKET_PUBLIC_READ_PROHIBITED", cancellationToken);
        await DeployAsync(PackName, "IAM_USER_MFA_ENABLED", cancellationToken);
        await DeployAsync(OwnName, "RDS_SNAPSHOT_ENCRYPTED", cancellationToken);
        await _server.RequireSignaturesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private Task DeployAsync(string name, string identifier, CancellationToken cancellationToken) =>
        _server!.ConfigAsync("PutConfigRule", new JsonObject
        {
            ["ConfigRule"] = new JsonObject
            {
                ["ConfigRuleName"] = name,
                ["Source"] = new JsonObject { ["Owner"] = "AWS", ["SourceIdentifier"] = identifier },
            },
        }.ToJsonString(), cancellationToken);
}

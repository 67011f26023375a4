using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Core.Collection.Throttling;

namespace Evidence.Collectors.Aws;

/// <summary>
/// Everything the AWS Config client and collector are composed from. The defaults are production's:
/// the SDK credential chain, a real HTTP handler, the process environment and the system clock.
/// Tests and offline replay replace <see cref="Handler"/>, <see cref="Credentials"/> and the rest.
/// </summary>
public sealed record AwsConfigOptions
{
    /// <summary>Where credentials come from; null means the standard chain for <see cref="Profile"/>.</summary>
    public IAwsCredentialSource? Credentials { get; init; }

    /// <summary>The shared-config profile to use (<c>--aws-profile</c>); null walks the default chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Sends the HTTP requests; null means a new <see cref="SocketsHttpHandler"/>. The caller keeps ownership.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Reads environment variables (endpoint overrides); the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The clock for signing, backoff, rate limiting, and collection times the server does not give.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Use FIPS endpoints (config-fips.{region}); GovCloud's regular endpoints already are.</summary>
    public bool Fips { get; init; }

    /// <summary>
    /// The adaptive request rate per region. AWS publishes no rate for Config's read APIs; integrations
    /// that hit throttling settle near one request a second, so the limiter starts modestly, cuts on every
    /// throttle and climbs back slowly while requests wait and succeed.
    /// </summary>
    public AdaptiveRateOptions Rate { get; init; } = new();

    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>How long one HTTP attempt may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Managed-rule identifier to the rule name a conformance pack deploys it under, before the pack's
    /// suffix (the catalog's <c>name</c>), e.g. INCOMING_SSH_DISABLED → restricted-ssh. Needed where
    /// names are all there is to match on (through an aggregator), and to tell process-check rules apart.
    /// </summary>
    public IReadOnlyDictionary<string, string> RuleNames { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Sent as User-Agent.</summary>
    public string UserAgent { get; init; } = "evidence";
}

namespace Evidence.Collectors.Aws.Resilience;

/// <summary>How often and how patiently one call is retried: exponential backoff with jitter, or the server's Retry-After.</summary>
public sealed record AwsRetryOptions
{
    /// <summary>Retries of a throttled call before its query is recorded as failed.</summary>
    public int ThrottleRetries { get; init; } = 8;

    /// <summary>Retries of a server error (5xx), a cut-off response, a timeout or an unreachable endpoint.</summary>
    public int TransientRetries { get; init; } = 3;

    /// <summary>The first backoff; each later one doubles, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The source of jitter, a number in [0, 1); null means random. Tests pass a fixed sequence.</summary>
    public Func<double>? Randomizer { get; init; }
}

namespace Evidence.Collectors.Aws.Resilience;

/// <summary>
/// The adaptive request rate per service and region. AWS publishes no rate for Config's read APIs;
/// integrations that hit throttling settle near one request a second, so the limiter starts modestly,
/// halves on every throttle and climbs back slowly while requests succeed.
/// </summary>
public sealed record AwsRateOptions
{
    /// <summary>Requests per second to start at.</summary>
    public double InitialRate { get; init; } = 5;

    /// <summary>The floor the rate never drops below, however often AWS throttles.</summary>
    public double MinRate { get; init; } = 0.5;

    /// <summary>The ceiling the rate climbs back to.</summary>
    public double MaxRate { get; init; } = 10;

    /// <summary>How many requests must succeed in a row before the rate climbs.</summary>
    public int IncreaseAfter { get; init; } = 10;

    /// <summary>The factor a climb multiplies the rate by.</summary>
    public double IncreaseFactor { get; init; } = 1.1;

    /// <summary>The factor a throttle multiplies the rate by.</summary>
    public double DecreaseFactor { get; init; } = 0.5;

    /// <summary>Requests that may go at once after a quiet spell.</summary>
    public int Burst { get; init; } = 1;
}

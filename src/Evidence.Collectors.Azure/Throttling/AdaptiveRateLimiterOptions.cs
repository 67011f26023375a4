namespace Evidence.Collectors.Azure.Throttling;

/// <summary>
/// How fast an <see cref="AdaptiveRateLimiter"/> starts, how far it may go and how it adapts. Resource
/// Manager refills each subscription's read bucket at 25 requests a second (250 at most), shared with
/// every other client of the same principal, so the defaults start well below that and climb.
/// </summary>
public sealed record AdaptiveRateLimiterOptions
{
    /// <summary>Requests per second at the start.</summary>
    public double InitialRate { get; init; } = 10;

    /// <summary>The rate never falls below this, however often the service throttles.</summary>
    public double MinRate { get; init; } = 0.5;

    /// <summary>The rate never climbs above this.</summary>
    public double MaxRate { get; init; } = 25;

    /// <summary>How many requests may go at once after a quiet spell.</summary>
    public int Burst { get; init; } = 10;

    /// <summary>Successful requests in a row after which the rate climbs by <see cref="IncreaseFactor"/>.</summary>
    public int IncreaseAfter { get; init; } = 20;

    public double IncreaseFactor { get; init; } = 1.1;

    /// <summary>The rate is multiplied by this on every throttled response.</summary>
    public double DecreaseFactor { get; init; } = 0.5;

    /// <summary>
    /// Throttled responses within this long of a decrease do not decrease again: requests already in
    /// flight when the service started throttling all come back 429, and that is one signal, not many.
    /// </summary>
    public TimeSpan DecreaseCooldown { get; init; } = TimeSpan.FromSeconds(1);

    internal void Validate()
    {
        if (!(MinRate > 0 && MinRate <= InitialRate && InitialRate <= MaxRate))
        {
            throw new ArgumentException($"rate limits must satisfy 0 < MinRate <= InitialRate <= MaxRate (got {MinRate}, {InitialRate}, {MaxRate})");
        }

        if (Burst < 1 || IncreaseAfter < 1 || IncreaseFactor < 1 || DecreaseFactor is <= 0 or > 1 || DecreaseCooldown < TimeSpan.Zero)
        {
            throw new ArgumentException("Burst and IncreaseAfter must be at least 1, IncreaseFactor at least 1, DecreaseFactor in (0, 1] and DecreaseCooldown not negative");
        }
    }
}

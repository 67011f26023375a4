namespace Evidence.Core.Collection.Throttling;

/// <summary>
/// How fast an <see cref="AdaptiveRateLimiter"/> starts, how far it may go and how it adapts. Each
/// collector sets its own starting point and ceiling from what its service publishes (or does not).
/// </summary>
public sealed record AdaptiveRateOptions
{
    /// <summary>Requests per second at the start.</summary>
    public double InitialRate { get; init; } = 5;

    /// <summary>The rate never falls below this, however often the service throttles.</summary>
    public double MinRate { get; init; } = 0.5;

    /// <summary>The rate never climbs above this.</summary>
    public double MaxRate { get; init; } = 10;

    /// <summary>How many requests may go at once after a quiet spell.</summary>
    public int Burst { get; init; } = 1;

    /// <summary>Successful requests after which the rate may climb by <see cref="IncreaseFactor"/> (when requests are waiting).</summary>
    public int IncreaseAfter { get; init; } = 10;

    /// <summary>The factor a climb multiplies the rate by, well below the rate of the last throttle.</summary>
    public double IncreaseFactor { get; init; } = 1.1;

    /// <summary>
    /// The factor a throttle multiplies the rate by. 0.7 rather than a halving: a halving drops the rate
    /// far below the service's limit after every probe above it, and the climb back is what costs time.
    /// </summary>
    public double DecreaseFactor { get; init; } = 0.7;

    /// <summary>
    /// Throttles among the last 50 answers that do not cut the rate. A rate above the service's limit is
    /// throttled again and again; a throttle now and then, whatever the rate (others sharing the account's
    /// limits), is retried, and cutting the rate for it costs far more than the retry. 0 cuts on every throttle.
    /// </summary>
    public int SporadicThrottles { get; init; } = 2;

    /// <summary>These options starting at <paramref name="rate"/> (when given), the floor and ceiling widened to admit it.</summary>
    public AdaptiveRateOptions StartingAt(double? rate) =>
        rate is { } r ? this with { InitialRate = r, MaxRate = Math.Max(MaxRate, r), MinRate = Math.Min(MinRate, r) } : this;

    /// <summary>Refuses settings the limiter cannot work with.</summary>
    public void Validate()
    {
        if (!(MinRate > 0 && MinRate <= InitialRate && InitialRate <= MaxRate))
        {
            throw new ArgumentException($"rate limits must satisfy 0 < MinRate <= InitialRate <= MaxRate (got {MinRate}, {InitialRate}, {MaxRate})");
        }

        if (Burst < 1 || IncreaseAfter < 1 || IncreaseFactor < 1 || DecreaseFactor is <= 0 or > 1)
        {
            throw new ArgumentException("Burst and IncreaseAfter must be at least 1, IncreaseFactor at least 1 and DecreaseFactor in (0, 1]");
        }

        if (SporadicThrottles is < 0 or >= 50)
        {
            throw new ArgumentException($"SporadicThrottles must be from 0 to 49 (got {SporadicThrottles})");
        }
    }
}

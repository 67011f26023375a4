namespace Evidence.Core.Collection;

/// <summary>
/// What a plan costs one cloud before it runs: the calls it makes at most, by API operation, and the time
/// they take at the collector's configured rate. A collector builds it from the streamed tasks (a
/// <see cref="CallTally"/>) without holding them.
/// </summary>
public sealed record CallEstimate
{
    /// <summary>The cloud (<see cref="IEvidenceCollector.Service"/>).</summary>
    public required string Cloud { get; init; }

    /// <summary>Calls at most, by operation as the cloud's API names it, sorted by name.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> CallsByOperation { get; init; }

    /// <summary>Seconds the calls take at the configured rate (after the burst): the cloud's API rate, not this machine, bounds a run.</summary>
    public required double Seconds { get; init; }

    /// <summary>The tasks (query and source pairs) the estimate covers.</summary>
    public required long Tasks { get; init; }

    /// <summary>The detail the plan fetches, <see cref="DetailLevel.Auto"/> resolved.</summary>
    public required DetailLevel Detail { get; init; }

    /// <summary>Where the numbers of data-dependent calls (non-compliant detail) came from, for people to read; null when none depend on data.</summary>
    public string? Basis { get; init; }

    public long Calls => CallsByOperation.Sum(c => c.Value);

    /// <summary>Seconds <paramref name="calls"/> take at <paramref name="rate"/> requests a second when the first <paramref name="burst"/> go at once.</summary>
    public static double SecondsAt(long calls, double rate, int burst) =>
        rate > 0 ? Math.Max(0, calls - burst) / rate : double.PositiveInfinity;
}

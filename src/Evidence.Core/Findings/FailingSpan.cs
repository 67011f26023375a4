namespace Evidence.Core.Findings;

/// <summary>
/// One stretch of time over which a finding was failing: from when it was first seen (or seen again after a
/// resolution) to when a later answer no longer had it, or open-ended while it still fails.
/// </summary>
public sealed record FailingSpan(DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>True when the finding was failing at <paramref name="instant"/>: seen by then and not yet resolved.</summary>
    public bool Covers(DateTimeOffset instant) => From <= instant && (To is not { } to || instant < to);
}

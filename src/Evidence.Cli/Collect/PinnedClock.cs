namespace Evidence.Cli.Collect;

/// <summary>
/// A clock whose "now" stays at one instant (a run's <c>--as-of</c>) while timers and timestamps run
/// in real time, so waits still pass but nothing the run records depends on when it was replayed.
/// </summary>
internal sealed class PinnedClock(DateTimeOffset now, TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}

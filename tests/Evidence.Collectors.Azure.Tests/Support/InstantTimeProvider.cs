using System.Collections.Concurrent;

namespace Evidence.Collectors.Azure.Tests.Support;

/// <summary>
/// A clock whose waits end at once: each timer moves the clock forward by its due time and fires, and
/// the waits are recorded. Tests against the loopback server stay fast however long Retry-After or the
/// backoff says, and can still see what was waited.
/// </summary>
public sealed class InstantTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();
    private long _ticks;

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Read(ref _ticks));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
            Interlocked.Add(ref _ticks, Math.Max(0, dueTime.Ticks));
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}

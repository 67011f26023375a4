using System.Diagnostics;

namespace Evidence.Testing.Fakes.Azure;

/// <summary>The fake server's own token bucket, on the real clock: past the rate it answers 429.</summary>
internal sealed class FakeRateLimit
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private double _tokens;
    private TimeSpan? _refilledAt;

    public bool TryTake(double rate, int? burst = null)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            var size = burst ?? Math.Max(1, rate);
            _tokens = _refilledAt is { } last ? Math.Min(size, _tokens + ((now - last).TotalSeconds * rate)) : size;
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}

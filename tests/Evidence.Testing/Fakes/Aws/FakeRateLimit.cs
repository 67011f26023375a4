namespace Evidence.Testing.Fakes.Aws;

/// <summary>A token bucket on the fake's side: requests beyond <c>perSecond</c> (after a burst) get ThrottlingException.</summary>
public sealed class FakeRateLimit(double perSecond, int burst, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private double _tokens = burst;
    private long _last = (time ?? TimeProvider.System).GetTimestamp();

    internal bool TryTake()
    {
        lock (this)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}

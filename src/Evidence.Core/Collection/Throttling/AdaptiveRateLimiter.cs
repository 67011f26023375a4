using System.Threading.RateLimiting;

namespace Evidence.Core.Collection.Throttling;

/// <summary>
/// A token bucket whose refill rate adapts to the service behind it, between
/// <see cref="AdaptiveRateOptions.MinRate"/> and <see cref="AdaptiveRateOptions.MaxRate"/>.
/// <list type="bullet">
/// <item>A throttle cuts the rate by <see cref="AdaptiveRateOptions.DecreaseFactor"/>, once per overshoot:
/// requests already waiting at the cut go out at the old spacing and are throttled too, but say nothing new.
/// It cuts only when throttles are more than <see cref="AdaptiveRateOptions.SporadicThrottles"/> of the last 50 answers: a rate above
/// the service's limit is throttled again and again, while a throttle now and then, whatever the rate (others
/// sharing the account's limits), costs one retry, and cutting for it would cost far more.</item>
/// <item>A run of <see cref="AdaptiveRateOptions.IncreaseAfter"/> successes climbs the rate, but only while
/// requests wait for tokens (an idle bucket learns nothing about the limit), and only by a twentieth of the
/// step within 10% of the rate that was last throttled, so the rate settles just under the limit instead
/// of probing above it again and again.</item>
/// <item>A Retry-After holds every caller of the bucket until it has passed, not only the throttled one.</item>
/// </list>
/// A waiting caller reserves its token at once (the balance may go negative) and sleeps until the bucket
/// has refilled to it, so callers go in the order they came, evenly spaced. Time comes from the injected
/// <see cref="TimeProvider"/>.
/// </summary>
public sealed class AdaptiveRateLimiter : RateLimiter
{
    private const double NearLimit = 0.9;
    private const double NearLimitStep = 20;

    /// <summary>The answers remembered to tell a rate above the limit from sporadic throttles.</summary>
    private const int Window = 50;

    private readonly bool[] _recent = new bool[Window];
    private int _recentAt;
    private int _recentThrottles;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly AdaptiveRateOptions _options;
    private double _rate;
    private double _tokens;
    private long _refilledAt;
    private long? _idleSince;
    private long _cutAt = long.MinValue;
    private double _throttledAt = double.PositiveInfinity;
    private int _successes;

    public AdaptiveRateLimiter(AdaptiveRateOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _rate = options.InitialRate;
        _tokens = options.Burst;
        _refilledAt = time.GetTimestamp();
        _idleSince = _refilledAt;
    }

    /// <summary>Requests per second the bucket refills at now.</summary>
    public double Rate
    {
        get
        {
            lock (_gate)
            {
                return _rate;
            }
        }
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _idleSince is { } idle ? _time.GetElapsedTime(idle) : null;
            }
        }
    }

    /// <summary>A request sent just now was throttled.</summary>
    public void OnThrottled(TimeSpan? retryAfter = null) => OnThrottled(_time.GetTimestamp(), retryAfter);

    /// <summary>
    /// A request sent at <paramref name="sentAt"/> (a <see cref="TimeProvider"/> timestamp) was throttled:
    /// cut the rate unless the request was already waiting at the last cut, and hold everyone until
    /// <paramref name="retryAfter"/> has passed.
    /// </summary>
    public void OnThrottled(long sentAt, TimeSpan? retryAfter = null)
    {
        lock (_gate)
        {
            Refill();
            _successes = 0;
            if (Remember(throttled: true) > _options.SporadicThrottles && sentAt >= _cutAt)
            {
                var backlog = Math.Max(0, -_tokens) / _rate;
                _cutAt = _time.GetTimestamp() + (long)(backlog * _time.TimestampFrequency);
                _throttledAt = _rate;
                _rate = Math.Max(_options.MinRate, _rate * _options.DecreaseFactor);
            }

            if (retryAfter is { } pause && pause > TimeSpan.Zero)
            {
                // A debt that the bucket pays back at the new rate ends exactly when the pause does.
                _tokens = Math.Min(_tokens, -pause.TotalSeconds * _rate);
                _idleSince = null;
            }
        }
    }

    /// <summary>A request succeeded: after a run of them, and while requests wait, allow a little more.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            Remember(throttled: false);
            if (++_successes < _options.IncreaseAfter)
            {
                return;
            }

            _successes = 0;
            Refill();
            if (_tokens > 0)
            {
                return;
            }

            var factor = _rate < _throttledAt * NearLimit
                ? _options.IncreaseFactor
                : 1 + ((_options.IncreaseFactor - 1) / NearLimitStep);
            _rate = Math.Min(_options.MaxRate, _rate * factor);
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)Math.Floor(Math.Max(0, _tokens)) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens < permitCount)
            {
                return new Lease(false, TimeSpan.FromSeconds((permitCount - _tokens) / _rate));
            }

            _tokens -= permitCount;
            _idleSince = null;
            return Lease.Acquired;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= permitCount;
            _idleSince = null;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    _tokens += permitCount;
                }

                throw;
            }
        }

        return Lease.Acquired;
    }

    /// <summary>Records one answer and returns how many of the last <see cref="Window"/> were throttles.</summary>
    private int Remember(bool throttled)
    {
        _recentThrottles += (throttled ? 1 : 0) - (_recent[_recentAt] ? 1 : 0);
        _recent[_recentAt] = throttled;
        _recentAt = (_recentAt + 1) % Window;
        return _recentThrottles;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _refilledAt = now;
        _tokens = Math.Min(_options.Burst, _tokens + (elapsed * _rate));
        if (_tokens >= _options.Burst && _idleSince is null)
        {
            _idleSince = now;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

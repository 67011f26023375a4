using System.Threading.RateLimiting;

namespace Evidence.Collectors.Aws.Resilience;

/// <summary>
/// A token bucket whose refill rate adapts: <see cref="OnThrottled(long)"/> cuts it (down to a floor) and
/// every run of <see cref="AwsRateOptions.IncreaseAfter"/> successes raises it (up to a ceiling).
/// A request that finds the bucket empty reserves the next token and waits for it, so waiting requests
/// go out in the order they asked, evenly spaced. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class AdaptiveRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly AwsRateOptions _options;
    private readonly double _capacity;
    private double _rate;
    private double _tokens;
    private long _refilledAt;
    private long? _idleSince;
    private long _cutAt = long.MinValue;
    private int _successes;

    public AdaptiveRateLimiter(AwsRateOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _capacity = Math.Max(1, options.Burst);
        _rate = Math.Clamp(options.InitialRate, options.MinRate, Math.Max(options.MinRate, options.MaxRate));
        _tokens = _capacity;
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

    public void OnThrottled() => OnThrottled(_time.GetTimestamp());

    /// <summary>
    /// Cuts the rate for a throttled request sent at <paramref name="sentAt"/> (a <see cref="TimeProvider"/>
    /// timestamp). Requests already waiting when the rate is cut go out at the old spacing and are likely
    /// throttled too, but say nothing new: cutting again for each of them would take the rate from just
    /// above the server's limit to the floor after one overshoot, so they are not counted.
    /// </summary>
    public void OnThrottled(long sentAt)
    {
        lock (_gate)
        {
            if (sentAt < _cutAt)
            {
                return;
            }

            Refill();
            var backlog = Math.Max(0, -_tokens) / _rate;
            _cutAt = _time.GetTimestamp() + (long)(backlog * _time.TimestampFrequency);
            _rate = Math.Max(_options.MinRate, _rate * _options.DecreaseFactor);
            _successes = 0;
        }
    }

    public void OnSuccess()
    {
        lock (_gate)
        {
            if (++_successes < _options.IncreaseAfter)
            {
                return;
            }

            Refill();
            _rate = Math.Min(Math.Max(_options.MaxRate, _options.MinRate), _rate * _options.IncreaseFactor);
            _successes = 0;
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
                return Lease.Rejected;
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

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _tokens = Math.Min(_capacity, _tokens + (elapsed * _rate));
        _refilledAt = now;
        if (_tokens >= _capacity && _idleSince is null)
        {
            _idleSince = now;
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true);
        public static readonly Lease Rejected = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

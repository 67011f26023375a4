using System.Threading.RateLimiting;

namespace Evidence.Collectors.Azure.Throttling;

/// <summary>
/// A token bucket whose refill rate adapts to the service: it halves when the service throttles (once
/// per burst of throttled responses, see <see cref="AdaptiveRateLimiterOptions.DecreaseCooldown"/>) and
/// climbs by a tenth after a run of successes, between <see cref="AdaptiveRateLimiterOptions.MinRate"/>
/// and <see cref="AdaptiveRateLimiterOptions.MaxRate"/>. A waiting caller reserves its token at once
/// (the balance may go negative) and sleeps until the bucket has refilled to it, so callers go in the
/// order they came and never wake only to find the token taken. A throttled response with Retry-After
/// holds every caller of this bucket until then, not only the one that was throttled.
/// </summary>
public sealed class AdaptiveRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly AdaptiveRateLimiterOptions _options;
    private readonly TimeProvider _time;
    private double _rate;
    private double _tokens;
    private long _refilledAt;
    private int _successes;
    private long _granted;
    private long? _decreasedAt;

    public AdaptiveRateLimiter(AdaptiveRateLimiterOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
        _rate = options.InitialRate;
        _tokens = options.Burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>The current rate in requests per second.</summary>
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

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <summary>A request succeeded: after enough in a row, allow a little more.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            if (++_successes >= _options.IncreaseAfter)
            {
                Refill();
                _rate = Math.Min(_options.MaxRate, _rate * _options.IncreaseFactor);
                _successes = 0;
            }
        }
    }

    /// <summary>The service throttled a request: slow down, and hold everyone until <paramref name="retryAfter"/> has passed.</summary>
    public void OnThrottled(TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            Refill();
            var now = _time.GetTimestamp();
            if (_decreasedAt is not { } last || _time.GetElapsedTime(last, now) >= _options.DecreaseCooldown)
            {
                _rate = Math.Max(_options.MinRate, _rate * _options.DecreaseFactor);
                _decreasedAt = now;
            }

            _successes = 0;
            if (retryAfter is { } pause && pause > TimeSpan.Zero)
            {
                // A debt that the bucket pays back at the new rate ends exactly when the pause does.
                _tokens = Math.Min(_tokens, -pause.TotalSeconds * _rate);
            }
        }
    }

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)Math.Floor(Math.Max(0, _tokens)),
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = 0,
            };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate)
        {
            Refill();
            if (_tokens >= permitCount)
            {
                _tokens -= permitCount;
                _granted++;
                return Lease.Granted;
            }

            return new Lease(false, TimeSpan.FromSeconds((permitCount - _tokens) / _rate));
        }
    }

    /// <inheritdoc />
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= permitCount;
            _granted++;
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
                    _granted--;
                }

                throw;
            }
        }

        return Lease.Granted;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _refilledAt = now;
        if (elapsed > 0)
        {
            _tokens = Math.Min(_options.Burst, _tokens + (elapsed * _rate));
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

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

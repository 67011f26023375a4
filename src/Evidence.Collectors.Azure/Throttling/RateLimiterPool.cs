using System.Collections.Concurrent;
using Evidence.Core.Collection.Throttling;

namespace Evidence.Collectors.Azure.Throttling;

/// <summary>
/// One <see cref="AdaptiveRateLimiter"/> per throttling scope. Resource Manager counts reads per
/// subscription (and per tenant for management-group queries), so a throttled subscription slows
/// down without slowing the others.
/// </summary>
internal sealed class RateLimiterPool(AdaptiveRateOptions options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, AdaptiveRateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    public AdaptiveRateLimiter For(string scope) => _limiters.GetOrAdd(scope, _ => new AdaptiveRateLimiter(options, time));

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}

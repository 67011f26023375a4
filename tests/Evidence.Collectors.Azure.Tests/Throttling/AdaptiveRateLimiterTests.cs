using Evidence.Collectors.Azure.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Collectors.Azure.Tests.Throttling;

public sealed class AdaptiveRateLimiterTests
{
    private static readonly AdaptiveRateLimiterOptions Options = new()
    {
        InitialRate = 10, MinRate = 1, MaxRate = 20, Burst = 2, IncreaseAfter = 3, IncreaseFactor = 1.5, DecreaseFactor = 0.5,
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ABurstGoesAtOnceThenRequestsAreSpacedAtTheRate()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        var first = limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        var second = limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        var third = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        var fourth = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await third).IsAcquired);
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True((await fourth).IsAcquired);
    }

    [Fact]
    public void ThrottlingHalvesTheRateButNotBelowTheMinimum()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        var rates = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            limiter.OnThrottled(null);
            rates.Add(limiter.Rate);
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal([5, 2.5, 1.25, 1, 1], rates);
    }

    [Fact]
    public void ABurstOfThrottledResponsesHalvesTheRateOnce()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        limiter.OnThrottled(null);
        limiter.OnThrottled(null);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        limiter.OnThrottled(null);

        Assert.Equal(5, limiter.Rate);
    }

    [Fact]
    public void TheRateClimbsBackAfterARunOfSuccessesUpToTheMaximum()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        limiter.OnThrottled(null);

        var rates = new List<double>();
        for (var i = 1; i <= 12; i++)
        {
            limiter.OnSuccess();
            if (i % 3 == 0)
            {
                rates.Add(Math.Round(limiter.Rate, 3));
            }
        }

        Assert.Equal([7.5, 11.25, 16.875, 20], rates);
    }

    [Fact]
    public void AThrottleInTheMiddleOfARunStartsTheCountAgain()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        limiter.OnSuccess();
        limiter.OnSuccess();
        limiter.OnThrottled(null);
        limiter.OnSuccess();
        limiter.OnSuccess();

        Assert.Equal(5, limiter.Rate);
    }

    [Fact]
    public async Task RetryAfterHoldsEveryCallerUntilItHasPassed()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        limiter.OnThrottled(TimeSpan.FromSeconds(3));
        var waiting = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public void AttemptAcquireSaysHowLongToWaitWhenTheBucketIsEmpty()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(100), wait);
    }

    [Fact]
    public async Task ACancelledWaiterGivesItsPlaceBack()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        await limiter.AcquireAsync(2, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();

        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var next = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True((await next).IsAcquired);
    }

    [Fact]
    public void OptionsThatCannotWorkAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveRateLimiter(Options with { MinRate = 30 }, _time));
        Assert.Throws<ArgumentException>(() => new AdaptiveRateLimiter(Options with { DecreaseFactor = 2 }, _time));
    }
}

using System.Threading.RateLimiting;
using Evidence.Core.Collection.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Core.Tests.Collection.Throttling;

/// <summary>
/// The limiter both collectors share: cuts once per overshoot down to a floor, climbs only while requests
/// wait and slowly near the last throttled rate, spaces requests evenly, honours Retry-After for everyone.
/// </summary>
public sealed class AdaptiveRateLimiterTests
{
    private static readonly AdaptiveRateOptions Options = new()
    {
        InitialRate = 4, MinRate = 0.5, MaxRate = 5, IncreaseAfter = 3, IncreaseFactor = 1.1, DecreaseFactor = 0.5, Burst = 1, SporadicThrottles = 0,
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void EachOvershootCutsTheRateDownToTheFloor()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        var rates = Enumerable.Range(0, 5).Select(_ =>
        {
            limiter.OnThrottled();
            return limiter.Rate;
        }).ToList();

        Assert.Equal([2, 1, 0.5, 0.5, 0.5], rates);
    }

    [Fact]
    public void TheDefaultCutIsGentlerThanAHalving()
    {
        using var limiter = new AdaptiveRateLimiter(new AdaptiveRateOptions { InitialRate = 10, SporadicThrottles = 0 }, _time);

        limiter.OnThrottled();

        Assert.Equal(7, limiter.Rate, precision: 9);
    }

    [Fact]
    public void AThrottleNowAndThenDoesNotCutTheRate()
    {
        using var limiter = new AdaptiveRateLimiter(new AdaptiveRateOptions { InitialRate = 10, MaxRate = 10 }, _time);

        // Others sharing the account's limits: one throttle in every 25 answers, whatever our rate.
        for (var i = 0; i < 1000; i++)
        {
            if (i % 25 == 0)
            {
                limiter.OnThrottled();
            }
            else
            {
                limiter.OnSuccess();
            }
        }

        Assert.Equal(10, limiter.Rate);
    }

    [Fact]
    public void ThrottlesThatAreMoreThanAFewOfTheLastFiftyAnswersCut()
    {
        using var limiter = new AdaptiveRateLimiter(new AdaptiveRateOptions { InitialRate = 10, MaxRate = 10 }, _time);
        Enumerable.Range(0, 47).ToList().ForEach(_ => limiter.OnSuccess());

        limiter.OnThrottled();
        limiter.OnThrottled();
        var afterTwo = limiter.Rate;
        limiter.OnThrottled();

        Assert.Equal(10, afterTwo);
        Assert.Equal(7, limiter.Rate, precision: 9);
    }

    [Fact]
    public async Task ThrottlesOfRequestsAlreadyWaitingAtTheCutDoNotCutAgain()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        using var first = await limiter.AcquireAsync(1, Token);
        var waiting = new[] { limiter.AcquireAsync(1, Token).AsTask(), limiter.AcquireAsync(1, Token).AsTask() };

        limiter.OnThrottled(_time.GetTimestamp());
        _time.Advance(TimeSpan.FromMilliseconds(500));
        limiter.OnThrottled(_time.GetTimestamp() - 1);
        var afterOneCut = limiter.Rate;
        limiter.OnThrottled(_time.GetTimestamp());

        Assert.Equal((2, 1), (afterOneCut, limiter.Rate));
        _time.Advance(TimeSpan.FromSeconds(2));
        foreach (var lease in await Task.WhenAll(waiting))
        {
            lease.Dispose();
        }
    }

    [Fact]
    public void SuccessesWithNothingWaitingDoNotClimb()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        limiter.OnThrottled();

        for (var i = 0; i < 30; i++)
        {
            limiter.OnSuccess();
        }

        Assert.Equal(2, limiter.Rate);
    }

    [Fact]
    public async Task WhileRequestsWaitARunOfSuccessesClimbsUpToTheCeiling()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        await using var backlog = Backlog(limiter, 20);

        var rates = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            limiter.OnSuccess();
            rates.Add(Math.Round(limiter.Rate, 3));
        }

        Assert.Equal([4, 4, 4.4, 4.4, 4.4, 4.84], rates.Take(6));
        Assert.Equal(5, rates[^1]);
    }

    [Fact]
    public async Task NearTheRateLastThrottledTheClimbSlowsToATwentiethOfAStep()
    {
        using var limiter = new AdaptiveRateLimiter(Options with { MaxRate = 10, IncreaseFactor = 1.5 }, _time);
        limiter.OnThrottled();
        await using var backlog = Backlog(limiter, 20);

        var rates = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            limiter.OnSuccess();
            limiter.OnSuccess();
            limiter.OnSuccess();
            rates.Add(Math.Round(limiter.Rate, 4));
        }

        Assert.Equal([3, 4.5, 4.6125], rates);
    }

    [Fact]
    public async Task AThrottleStartsTheRunOfSuccessesAgain()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        await using var backlog = Backlog(limiter, 5);
        limiter.OnSuccess();
        limiter.OnSuccess();
        limiter.OnThrottled();

        limiter.OnSuccess();
        limiter.OnSuccess();

        Assert.Equal(2, limiter.Rate);
    }

    [Fact]
    public async Task ABurstGoesAtOnceThenRequestsAreSpacedAtTheRate()
    {
        using var limiter = new AdaptiveRateLimiter(Options with { Burst = 2 }, _time);

        var first = limiter.AcquireAsync(1, Token);
        var second = limiter.AcquireAsync(1, Token);
        var third = limiter.AcquireAsync(1, Token).AsTask();
        var fourth = limiter.AcquireAsync(1, Token).AsTask();

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True((await third).IsAcquired);
        Assert.False(fourth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.True((await fourth).IsAcquired);
    }

    [Fact]
    public async Task AfterAThrottleRequestsAreSpacedAtTheLowerRate()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        using var first = await limiter.AcquireAsync(1, Token);
        limiter.OnThrottled();

        var next = limiter.AcquireAsync(1, Token).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.False(next.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(250));
        using var lease = await next;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task RetryAfterHoldsEveryCallerUntilItHasPassed()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        limiter.OnThrottled(TimeSpan.FromSeconds(3));
        var waiting = limiter.AcquireAsync(1, Token).AsTask();

        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True((await waiting).IsAcquired);
    }

    [Fact]
    public async Task ACancelledWaitGivesItsTurnBack()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        using var first = await limiter.AcquireAsync(1, Token);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _time.Advance(TimeSpan.FromMilliseconds(250));

        using var lease = limiter.AttemptAcquire(1);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void AttemptAcquireSaysHowLongToWaitWhenTheBucketIsEmpty()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        using var refused = limiter.AttemptAcquire();

        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(250), wait);
    }

    [Fact]
    public void ABucketIsIdleUntilUsedAndAgainOnceFull()
    {
        using var limiter = new AdaptiveRateLimiter(Options, _time);
        Assert.NotNull(limiter.IdleDuration);

        Assert.True(limiter.AttemptAcquire().IsAcquired);
        Assert.Null(limiter.IdleDuration);
        _time.Advance(TimeSpan.FromSeconds(1));
        _ = limiter.GetStatistics();

        Assert.NotNull(limiter.IdleDuration);
    }

    [Fact]
    public void OptionsThatCannotWorkAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new AdaptiveRateLimiter(Options with { MinRate = 30 }, _time));
        Assert.Throws<ArgumentException>(() => new AdaptiveRateLimiter(Options with { DecreaseFactor = 2 }, _time));
        Assert.Throws<ArgumentException>(() => new AdaptiveRateLimiter(Options with { Burst = 0 }, _time));
        Assert.Throws<ArgumentException>(() => new AdaptiveRateLimiter(Options with { SporadicThrottles = 50 }, _time));
    }

    /// <summary><paramref name="count"/> requests waiting for tokens; disposing gives their turns back.</summary>
    private static WaitingRequests Backlog(AdaptiveRateLimiter limiter, int count)
    {
        var cancel = new CancellationTokenSource();
        _ = limiter.AttemptAcquire();
        var waiting = Enumerable.Range(0, count).Select(_ => limiter.AcquireAsync(1, cancel.Token).AsTask()).ToList();
        return new WaitingRequests(cancel, waiting);
    }

    private sealed class WaitingRequests(CancellationTokenSource cancel, List<Task<RateLimitLease>> waiting) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await cancel.CancelAsync();
            foreach (var task in waiting)
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
            }

            cancel.Dispose();
        }
    }
}

using Evidence.Collectors.Aws.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Evidence.Collectors.Aws.Tests.Resilience;

/// <summary>The per-region limiter: halves on throttling down to a floor, climbs 10% per run of successes up to a ceiling, spaces requests evenly.</summary>
public sealed class AdaptiveRateLimiterTests
{
    private static readonly AwsRateOptions Options = new() { InitialRate = 4, MinRate = 0.5, MaxRate = 5, IncreaseAfter = 3, Burst = 1 };

    [Fact]
    public void EachThrottleHalvesTheRateDownToTheFloor()
    {
        using var limiter = new AdaptiveRateLimiter(Options, new FakeTimeProvider());

        var rates = Enumerable.Range(0, 5).Select(_ =>
        {
            limiter.OnThrottled();
            return limiter.Rate;
        }).ToList();

        Assert.Equal([2, 1, 0.5, 0.5, 0.5], rates);
    }

    [Fact]
    public async Task ThrottlesOfRequestsAlreadyWaitingAtTheCutDoNotCutAgain()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);
        using var first = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        var waiting = new[] { limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask(), limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask() };

        limiter.OnThrottled(time.GetTimestamp());
        time.Advance(TimeSpan.FromMilliseconds(500));
        limiter.OnThrottled(time.GetTimestamp() - 1);
        var afterOneCut = limiter.Rate;
        limiter.OnThrottled(time.GetTimestamp());

        Assert.Equal((2, 1), (afterOneCut, limiter.Rate));
        foreach (var lease in await Task.WhenAll(waiting))
        {
            lease.Dispose();
        }
    }

    [Fact]
    public void ARunOfSuccessesClimbsTenPercentUpToTheCeiling()
    {
        using var limiter = new AdaptiveRateLimiter(Options, new FakeTimeProvider());
        limiter.OnThrottled();

        var rates = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            limiter.OnSuccess();
            rates.Add(Math.Round(limiter.Rate, 3));
        }

        Assert.Equal([2, 2, 2.2, 2.2, 2.2, 2.42], rates.Take(6));
        Assert.Equal(5, rates[^1]);
    }

    [Fact]
    public void AThrottleStartsTheRunOfSuccessesAgain()
    {
        using var limiter = new AdaptiveRateLimiter(Options, new FakeTimeProvider());
        limiter.OnSuccess();
        limiter.OnSuccess();
        limiter.OnThrottled();

        limiter.OnSuccess();
        limiter.OnSuccess();

        Assert.Equal(2, limiter.Rate);
    }

    [Fact]
    public async Task RequestsBeyondTheBurstWaitTheirTurn()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);

        using var first = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        var second = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        var third = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        using var secondLease = await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        using var thirdLease = await third;
        Assert.True(thirdLease.IsAcquired);
    }

    [Fact]
    public async Task AfterAThrottleRequestsAreSpacedAtTheLowerRate()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);
        using var first = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        limiter.OnThrottled();

        var next = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(250));
        using var lease = await next;
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public async Task ACancelledWaitGivesItsTurnBack()
    {
        var time = new FakeTimeProvider();
        using var limiter = new AdaptiveRateLimiter(Options, time);
        using var first = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(1, cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        time.Advance(TimeSpan.FromMilliseconds(250));

        using var lease = limiter.AttemptAcquire(1);
        Assert.True(lease.IsAcquired);
    }

    [Fact]
    public void TheStartingRateIsConfigurable()
    {
        using var limiter = new AdaptiveRateLimiter(new AwsRateOptions { InitialRate = 1.5 }, new FakeTimeProvider());

        Assert.Equal(1.5, limiter.Rate);
    }
}

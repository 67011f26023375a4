using Evidence.Collectors.Aws.Endpoints;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Core.Collection.Throttling;
using Polly;
using Polly.Retry;

namespace Evidence.Collectors.Aws.Client;

/// <summary>
/// Everything calls to one region share: the endpoint, the adaptive rate limiter, and the Polly
/// pipeline (retry outside, rate limit inside, so every attempt waits its turn). Throttling and
/// transient failures have separate retry budgets; Retry-After, when sent, replaces the backoff.
/// </summary>
internal sealed class RegionChannel
{
    public static readonly ResiliencePropertyKey<AwsCall> CallKey = new("evidence.aws.call");

    private RegionChannel(string region, AwsEndpoint endpoint, AdaptiveRateLimiter limiter, ResiliencePipeline<AwsConfigResponse> pipeline)
    {
        Region = region;
        Endpoint = endpoint;
        Limiter = limiter;
        Pipeline = pipeline;
    }

    public string Region { get; }

    public AwsEndpoint Endpoint { get; }

    public AdaptiveRateLimiter Limiter { get; }

    public ResiliencePipeline<AwsConfigResponse> Pipeline { get; }

    public static RegionChannel Create(string region, AwsEndpoint endpoint, AwsConfigOptions options)
    {
        var limiter = new AdaptiveRateLimiter(options.Rate, options.Time);
        var retry = options.Retry;
        var strategy = new RetryStrategyOptions<AwsConfigResponse>
        {
            MaxRetryAttempts = Math.Max(1, retry.ThrottleRetries + retry.TransientRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.Properties.GetValue(CallKey, null!), args.Outcome, retry)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)(wait < retry.MaxDelay ? wait : retry.MaxDelay) : null),
            OnRetry = args =>
            {
                args.Context.Properties.GetValue(CallKey, null!).Progress?.Retried(AwsConfigClient.ProgressService);
                return ValueTask.CompletedTask;
            },
        };
        if (retry.Randomizer is { } randomizer)
        {
            strategy.Randomizer = randomizer;
        }

        var pipeline = new ResiliencePipelineBuilder<AwsConfigResponse> { TimeProvider = options.Time }
            .AddRetry(strategy)
            .AddRateLimiter(limiter)
            .Build();
        return new RegionChannel(region, endpoint, limiter, pipeline);
    }

    private static bool ShouldRetry(AwsCall call, Outcome<AwsConfigResponse> outcome, AwsRetryOptions retry)
    {
        var kind = outcome switch
        {
            { Exception: EndpointUnreachableException } => AwsErrorKind.Transient,
            { Exception: not null } => (AwsErrorKind?)null,
            { Result.Error.Kind: var k } => k,
            _ => null,
        };
        return kind switch
        {
            AwsErrorKind.Throttling => call.Throttles++ < retry.ThrottleRetries,
            AwsErrorKind.Transient => call.Transients++ < retry.TransientRetries,
            _ => false,
        };
    }
}

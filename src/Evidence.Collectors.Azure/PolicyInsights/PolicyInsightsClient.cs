using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Evidence.Collectors.Azure.Credentials;
using Evidence.Collectors.Azure.ResourceManager;
using Evidence.Collectors.Azure.Throttling;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Replay;
using Evidence.Core.Collection.Throttling;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// Sends Resource Manager requests (Policy Insights, Resource Graph) through an Azure.Core <see cref="HttpPipeline"/> (bearer token for
/// the endpoint's scope, the injected transport) inside a Polly pipeline: every attempt first takes a
/// token from its scope's adaptive rate limiter; 429 waits as Retry-After says and slows the limiter;
/// 5xx, 408 and lost connections back off exponentially; all within <see cref="AzurePolicyCollectorOptions.MaxRetries"/>.
/// Other statuses come back as they are, for the caller to judge.
/// </summary>
internal sealed class PolicyInsightsClient
{
    private static readonly ResiliencePropertyKey<Attempt> AttemptKey = new("evidence.attempt");
    private static readonly int[] Transient = [408, 429, 500, 502, 503, 504];

    private readonly HttpPipeline _pipeline;
    private readonly ResiliencePipeline<ArmResponse> _resilience;
    private readonly TimeProvider _time;
    private readonly TokenCredential _credential;

    public PolicyInsightsClient(ResourceManagerEndpoint endpoint, TokenCredential credential, AzurePolicyCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        Endpoint = endpoint;
        _time = options.TimeProvider;
        _credential = credential;
        _pipeline = HttpPipelineBuilder.Build(
            new ArmClientOptions(options.Transport),
            perCallPolicies: [],
            perRetryPolicies: [new BearerTokenAuthenticationPolicy(credential, endpoint.TokenScope)],
            responseClassifier: new ResponseClassifier());
        _resilience = new ResiliencePipelineBuilder<ArmResponse> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<ArmResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)(wait < options.MaxRetryAfter ? wait : options.MaxRetryAfter) : null),
                OnRetry = args =>
                {
                    AttemptOf(args.Context).Progress.Retried(AzurePolicyCollector.ServiceName);
                    return default;
                },
            })
            .AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => AttemptOf(args.Context).Limiter.AcquireAsync(1, args.Context.CancellationToken),
            })
            .Build();
    }

    public ResourceManagerEndpoint Endpoint { get; }

    /// <summary>Gets a token for Resource Manager, as the first request would; throws <see cref="CollectionAbortedException"/> when none can be had.</summary>
    public async Task CheckCredentialAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _credential.GetTokenAsync(new TokenRequestContext([Endpoint.TokenScope]), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException e)
        {
            throw CredentialFailure(e);
        }
    }

    /// <summary>
    /// POSTs <paramref name="url"/> for the evidence <paramref name="source"/> and returns the final response, whatever its status. Throws
    /// <see cref="CollectionAbortedException"/> when no credential can be had or Resource Manager cannot
    /// be reached at all, and <see cref="ResponseLostException"/> when responses kept breaking off.
    /// </summary>
    public async Task<ArmResponse> PostAsync(Uri url, string source, AdaptiveRateLimiter limiter, ICollectionProgress progress, CancellationToken cancellationToken, byte[]? body = null)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptKey, new Attempt(url, source, limiter, progress, body));
        try
        {
            return await _resilience.ExecuteAsync(static (ctx, client) => client.SendOnceAsync(ctx), context, this).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException e)
        {
            throw CredentialFailure(e);
        }
        catch (Exception e) when (IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            if (EndpointUnreachable.Reason(e) is { } reason)
            {
                throw new CollectionAbortedException(
                    $"cannot reach Azure Resource Manager at {Endpoint.BaseUri.GetLeftPart(UriPartial.Authority)} ({reason}); the collection stopped", e);
            }

            throw new ResponseLostException($"the connection closed before the whole response arrived ({FirstLine(e.Message)})", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<ArmResponse> SendOnceAsync(ResilienceContext context)
    {
        var attempt = AttemptOf(context);
        attempt.Progress.Call(AzurePolicyCollector.ServiceName);
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(attempt.Url);
        message.Request.Headers.SetValue("Accept", "application/json");

        // Azure.Core builds the HttpRequestMessage itself, so the source travels as a header that recordings key on.
        message.Request.Headers.SetValue(ExchangeKey.SourceHeader, attempt.Source);
        if (attempt.Body is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/json");
        }

        message.Request.Content = RequestContent.Create(attempt.Body ?? []);
        var sentAt = _time.GetTimestamp();
        await _pipeline.SendAsync(message, context.CancellationToken).ConfigureAwait(false);
        var response = message.Response;
        var result = new ArmResponse(
            response.Status,
            response.Content.ToArray(),
            response.Headers.Date,
            RetryAfter.Of(response, _time),
            response.Headers.ContentType);
        if (result.Status == 429)
        {
            attempt.Progress.Throttled(AzurePolicyCollector.ServiceName);
            attempt.Limiter.OnThrottled(sentAt, result.RetryAfter);
        }
        else if (result.IsSuccess)
        {
            attempt.Limiter.OnSuccess();
        }

        return result;
    }

    private static Attempt AttemptOf(ResilienceContext context) =>
        context.Properties.TryGetValue(AttemptKey, out var attempt) ? attempt : throw new InvalidOperationException("a request went out without its attempt");

    private static bool IsTransient(Outcome<ArmResponse> outcome, CancellationToken cancellationToken) =>
        outcome.Exception is { } e
            ? IsConnectionFailure(e) && !cancellationToken.IsCancellationRequested
            : Transient.Contains(outcome.Result!.Status);

    /// <summary>Transport failures: no connection, a connection reset, a body cut short, a network timeout.</summary>
    private static bool IsConnectionFailure(Exception e) =>
        e is RequestFailedException { Status: 0 } or HttpRequestException or IOException or OperationCanceledException;

    private static CollectionAbortedException CredentialFailure(AuthenticationFailedException e) =>
        e is CredentialUnavailableException
            ? new CollectionAbortedException(AzureCredentials.Missing, e)
            : CollectionAbortedException.Credentials("Microsoft Entra ID", FirstLine(e.Message));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    private sealed record Attempt(Uri Url, string Source, AdaptiveRateLimiter Limiter, ICollectionProgress Progress, byte[]? Body);
}

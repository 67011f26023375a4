using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Endpoints;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Collectors.Aws.Signing;
using Evidence.Core.Collection;
using Polly;

namespace Evidence.Collectors.Aws.Client;

/// <summary>
/// A small AWS Config client speaking JSON 1.1 over one <see cref="HttpClient"/>: every call is
/// <c>POST /</c> with <c>X-Amz-Target: StarlingDoveService.&lt;Operation&gt;</c>, signed with SigV4.
/// Calls to a region share an adaptive rate limit and are retried on throttling (with backoff, and
/// Retry-After when sent) and on transient failures. A call returns its final response, error or not;
/// only rejected credentials and an unreachable endpoint throw <see cref="CollectionAbortedException"/>,
/// because nothing after them could succeed.
/// </summary>
public sealed class AwsConfigClient : IDisposable
{
    /// <summary>The SigV4 signing name of AWS Config.</summary>
    public const string SigningName = "config";

    /// <summary>The name progress is reported under.</summary>
    public const string ProgressService = "aws";

    private const string ContentType = "application/x-amz-json-1.1";

    private static readonly ResiliencePropertyKey<CallState> StateKey = new("evidence.aws.call");

    private readonly AwsConfigOptions _options;
    private readonly HttpClient _http;
    private readonly IAwsCredentialSource _credentials;
    private readonly bool _ownsCredentials;
    private readonly AwsEndpointResolver _endpoints;
    private readonly ConcurrentDictionary<string, Lazy<Region>> _regions = new(StringComparer.Ordinal);

    public AwsConfigClient(AwsConfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = options.Handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
            : new HttpClient(options.Handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _ownsCredentials = options.Credentials is null;
        _credentials = options.Credentials ?? new AwsCredentialChain(options.Profile);
        _endpoints = new AwsEndpointResolver(options.Environment, options.Fips);
    }

    public AwsConfigOptions Options => _options;

    /// <summary>Where calls for <paramref name="region"/> go.</summary>
    public AwsEndpoint Endpoint(string region) => _endpoints.Resolve(region);

    /// <summary>The request rate the region's limiter allows now (requests per second).</summary>
    public double CurrentRate(string region) => For(region).Limiter.Rate;

    /// <summary>The account the credentials belong to, when the credential provider says; null when it does not.</summary>
    public async ValueTask<string?> CallerAccountAsync(CancellationToken cancellationToken) =>
        (await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)).AccountId;

    /// <summary>
    /// Makes one call, retrying as the policy allows, and returns the final response. Reports the call,
    /// throttles and retries to <paramref name="progress"/>.
    /// </summary>
    public async Task<AwsConfigResponse> CallAsync(
        AwsConfigOperation operation, string region, JsonObject request, ICollectionProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var target = For(region);
        var body = JsonSerializer.SerializeToUtf8Bytes(request);
        progress?.Call(ProgressService);

        var state = new CallState(operation, region, target, body, progress);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        AwsConfigResponse response;
        try
        {
            response = await target.Pipeline.ExecuteAsync(static (ctx, client) => client.AttemptAsync(ctx), context, this).ConfigureAwait(false);
        }
        catch (EndpointUnreachableException e)
        {
            throw new CollectionAbortedException(
                $"AWS Config at {target.Endpoint.Url} could not be reached ({e.Message}); collection stopped, and the run is incomplete", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        response = response with { Attempts = state.Attempts };
        if (response.Error is { Kind: AwsErrorKind.Credentials } error)
        {
            if (IsClockSkew(error))
            {
                throw new CollectionAbortedException(
                    $"AWS Config refused the request's time ({error.Code}: {error.Message}); set this machine's clock right and collect again");
            }

            throw CollectionAbortedException.Credentials("AWS Config", $"{error.Code}: {error.Message}");
        }

        return response;
    }

    public void Dispose()
    {
        _http.Dispose();
        if (_ownsCredentials && _credentials is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    private Region For(string region) =>
        _regions.GetOrAdd(region, r => new Lazy<Region>(() => CreateRegion(r), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private Region CreateRegion(string region)
    {
        var endpoint = _endpoints.Resolve(region);
        var limiter = new AdaptiveRateLimiter(_options.Rate, _options.Time);
        var retry = _options.Retry;
        var strategy = new Polly.Retry.RetryStrategyOptions<AwsConfigResponse>
        {
            MaxRetryAttempts = Math.Max(1, retry.ThrottleRetries + retry.TransientRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Context.Properties.GetValue(StateKey, null!), args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result?.RetryAfter is { } wait ? (TimeSpan?)(wait < retry.MaxDelay ? wait : retry.MaxDelay) : null),
            OnRetry = args =>
            {
                args.Context.Properties.GetValue(StateKey, null!).Progress?.Retried(ProgressService);
                return ValueTask.CompletedTask;
            },
        };
        if (retry.Randomizer is { } randomizer)
        {
            strategy.Randomizer = randomizer;
        }

        var pipeline = new ResiliencePipelineBuilder<AwsConfigResponse> { TimeProvider = _options.Time }
            .AddRetry(strategy)
            .AddRateLimiter(limiter)
            .Build();
        return new Region(endpoint, limiter, pipeline);
    }

    private bool ShouldRetry(CallState state, Outcome<AwsConfigResponse> outcome)
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
            AwsErrorKind.Throttling => state.Throttles++ < _options.Retry.ThrottleRetries,
            AwsErrorKind.Transient => state.Transients++ < _options.Retry.TransientRetries,
            _ => false,
        };
    }

    private async ValueTask<AwsConfigResponse> AttemptAsync(ResilienceContext context)
    {
        var state = context.Properties.GetValue(StateKey, null!);
        var cancellationToken = context.CancellationToken;
        state.Attempts++;
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        using var request = Build(state, credentials);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        var response = await ExchangeAsync(state, request, timeout.Token, cancellationToken).ConfigureAwait(false);
        switch (response.Error?.Kind)
        {
            case AwsErrorKind.Throttling:
                state.Target.Limiter.OnThrottled();
                state.Progress?.Throttled(ProgressService);
                break;
            case null:
                state.Target.Limiter.OnSuccess();
                break;
            default:
                break;
        }

        return response;
    }

    private HttpRequestMessage Build(CallState state, AwsCredentials credentials)
    {
        var endpoint = state.Target.Endpoint;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", endpoint.Host),
            new("Content-Type", ContentType),
            new("X-Amz-Target", state.Operation.Target),
        };
        var path = endpoint.Url.AbsolutePath;
        var signature = SigV4Signer.Sign(
            new SigningRequest("POST", path, string.Empty, headers, state.Body),
            credentials,
            _options.Time.GetUtcNow(),
            new SigningOptions(state.Region, SigningName));

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new ByteArrayContent(state.Body),
            Version = System.Net.HttpVersion.Version11,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        request.Headers.Host = endpoint.Host;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", state.Operation.Target);
        foreach (var (name, value) in signature.AddedHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        return request;
    }

    private async Task<AwsConfigResponse> ExchangeAsync(
        CallState state, HttpRequestMessage request, CancellationToken attemptToken, CancellationToken callToken)
    {
        HttpResponseMessage http;
        try
        {
            http = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                                                 or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            throw new EndpointUnreachableException(e.Message, e);
        }
        catch (HttpRequestException e)
        {
            return Failure(state, 0, [], null, new AwsConfigError("ConnectionFailed", $"{state.Operation.Name}: {e.Message}", AwsErrorKind.Transient));
        }
        catch (OperationCanceledException) when (!callToken.IsCancellationRequested)
        {
            return TimedOut(state, []);
        }

        using (http)
        {
            var status = (int)http.StatusCode;
            var date = http.Headers.Date;
            var retryAfter = RetryAfter(http.Headers.RetryAfter, date);
            using var buffer = new MemoryStream();
            try
            {
                await using var stream = await http.Content.ReadAsStreamAsync(attemptToken).ConfigureAwait(false);
                await stream.CopyToAsync(buffer, attemptToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                return Failure(state, status, buffer.ToArray(), date,
                    new AwsConfigError("TruncatedResponse", $"{state.Operation.Name}: the response was cut off after {buffer.Length} bytes ({e.Message})", AwsErrorKind.Transient));
            }
            catch (OperationCanceledException) when (!callToken.IsCancellationRequested)
            {
                return TimedOut(state, buffer.ToArray());
            }

            var body = buffer.ToArray();
            if (!http.IsSuccessStatusCode)
            {
                var headerType = http.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.FirstOrDefault() : null;
                var error = AwsErrorClassifier.Classify(http.StatusCode, headerType, body);
                return Failure(state, status, body, date, error) with { RetryAfter = retryAfter };
            }

            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException("the body is not a JSON object");
                }

                return new AwsConfigResponse { Operation = state.Operation, StatusCode = status, Body = body, Json = document.RootElement.Clone(), Date = date };
            }
            catch (JsonException e)
            {
                return Failure(state, status, body, date,
                    new AwsConfigError("MalformedResponse", $"{state.Operation.Name} answered with a body that is not valid JSON ({e.Message})", AwsErrorKind.Malformed));
            }
        }
    }

    /// <summary>A signature too far from AWS's clock is rejected like a bad one; the fix is the clock, not the credentials.</summary>
    private static bool IsClockSkew(AwsConfigError error) =>
        error.Code is "RequestExpired" or "RequestTimeTooSkewed" || error.Message.Contains("Signature expired", StringComparison.OrdinalIgnoreCase);

    private static AwsConfigResponse Failure(CallState state, int status, byte[] body, DateTimeOffset? date, AwsConfigError error) =>
        new() { Operation = state.Operation, StatusCode = status, Body = body, Date = date, Error = error };

    private AwsConfigResponse TimedOut(CallState state, byte[] body) =>
        Failure(state, 0, body, null, new AwsConfigError(
            "Timeout", $"{state.Operation.Name} did not answer within {_options.RequestTimeout.TotalSeconds:0} seconds", AwsErrorKind.Transient));

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset? now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } at } when now is { } n => at > n ? at - n : TimeSpan.Zero,
        _ => null,
    };

    private sealed record Region(AwsEndpoint Endpoint, AdaptiveRateLimiter Limiter, ResiliencePipeline<AwsConfigResponse> Pipeline);

    private sealed class CallState(AwsConfigOperation operation, string region, Region target, byte[] body, ICollectionProgress? progress)
    {
        public AwsConfigOperation Operation { get; } = operation;

        public string Region { get; } = region;

        public Region Target { get; } = target;

        public byte[] Body { get; } = body;

        public ICollectionProgress? Progress { get; } = progress;

        public int Attempts { get; set; }

        public int Throttles { get; set; }

        public int Transients { get; set; }
    }

    private sealed class EndpointUnreachableException(string message, Exception inner) : Exception(message, inner);
}

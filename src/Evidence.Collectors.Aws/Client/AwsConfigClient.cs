using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Endpoints;
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
    public static readonly string ProgressService = Definitions.AwsCloud.Instance.Name;

    private readonly AwsConfigOptions _options;
    private readonly HttpClient _http;
    private readonly AwsHttpExchange _exchange;
    private readonly IAwsCredentialSource _credentials;
    private readonly bool _ownsCredentials;
    private readonly AwsEndpointResolver _endpoints;
    private readonly ConcurrentDictionary<string, Lazy<RegionChannel>> _channels = new(StringComparer.Ordinal);

    public AwsConfigClient(AwsConfigOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Rate.Validate();
        _options = options;
        _http = options.Handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
            : new HttpClient(options.Handler, disposeHandler: false);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _exchange = new AwsHttpExchange(_http, options);
        _ownsCredentials = options.Credentials is null;
        _credentials = options.Credentials ?? new AwsCredentialChain(options.Profile);
        _endpoints = new AwsEndpointResolver(options.Environment, options.Fips);
    }

    public AwsConfigOptions Options => _options;

    /// <summary>Where calls for <paramref name="region"/> go.</summary>
    public AwsEndpoint Endpoint(string region) => _endpoints.Resolve(region);

    /// <summary>The request rate the region's limiter allows now (requests per second).</summary>
    public double CurrentRate(string region) => Channel(region).Limiter.Rate;

    /// <summary>The account the credentials belong to, when the credential provider says; null when it does not.</summary>
    public async ValueTask<string?> CallerAccountAsync(CancellationToken cancellationToken) =>
        (await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)).AccountId;

    /// <summary>
    /// Makes one call, retrying as the policy allows, and returns the final response. Reports the call,
    /// throttles and retries to <paramref name="progress"/>.
    /// </summary>
    public Task<AwsConfigResponse> CallAsync(
        AwsConfigOperation operation, string region, JsonObject request, ICollectionProgress? progress, CancellationToken cancellationToken) =>
        CallAsync(operation, region, request, source: null, progress, cancellationToken);

    /// <summary>
    /// Makes one call for the evidence <paramref name="source"/> (its <c>ToString()</c>), which tags every
    /// HTTP request so that recordings of identical requests for different sources stay apart.
    /// </summary>
    public async Task<AwsConfigResponse> CallAsync(
        AwsConfigOperation operation, string region, JsonObject request, string? source, ICollectionProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        var channel = Channel(region);
        var call = new AwsCall(operation, channel, JsonSerializer.SerializeToUtf8Bytes(request), source, progress);
        progress?.Call(ProgressService);

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RegionChannel.CallKey, call);
        AwsConfigResponse response;
        try
        {
            response = await channel.Pipeline.ExecuteAsync(static (ctx, client) => client.AttemptAsync(ctx), context, this).ConfigureAwait(false);
        }
        catch (EndpointUnreachableException e)
        {
            throw new CollectionAbortedException(
                $"AWS Config at {channel.Endpoint.Url} could not be reached ({e.Message}); collection stopped, and the run is incomplete", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        response = response with { Attempts = call.Attempts };
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

    private RegionChannel Channel(string region) =>
        _channels.GetOrAdd(region, r => new Lazy<RegionChannel>(
            () => RegionChannel.Create(r, _endpoints.Resolve(r), _options), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    private async ValueTask<AwsConfigResponse> AttemptAsync(ResilienceContext context)
    {
        var call = context.Properties.GetValue(RegionChannel.CallKey, null!);
        call.Attempts++;
        var credentials = await _credentials.GetCredentialsAsync(context.CancellationToken).ConfigureAwait(false);
        var sentAt = _options.Time.GetTimestamp();
        var response = await _exchange.SendAsync(call, credentials, context.CancellationToken).ConfigureAwait(false);
        switch (response.Error?.Kind)
        {
            case AwsErrorKind.Throttling:
                call.Channel.Limiter.OnThrottled(sentAt);
                call.Progress?.Throttled(ProgressService);
                break;
            case null:
                call.Channel.Limiter.OnSuccess();
                break;
            default:
                break;
        }

        return response;
    }

    /// <summary>A signature too far from AWS's clock is rejected like a bad one; the fix is the clock, not the credentials.</summary>
    private static bool IsClockSkew(AwsConfigError error) =>
        error.Code is "RequestExpired" or "RequestTimeTooSkewed" || error.Message.Contains("Signature expired", StringComparison.OrdinalIgnoreCase);
}

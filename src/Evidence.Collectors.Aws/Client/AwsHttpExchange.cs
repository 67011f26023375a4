using System.Net.Http.Headers;
using System.Text.Json;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Signing;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Replay;

namespace Evidence.Collectors.Aws.Client;

/// <summary>
/// One HTTP attempt: build and sign the JSON 1.1 request, send it, read the whole body (keeping what
/// arrived if it is cut off) and turn the answer into a response or a classified error. Only a failure
/// to connect at all throws (<see cref="EndpointUnreachableException"/>).
/// </summary>
internal sealed class AwsHttpExchange(HttpClient http, AwsConfigOptions options)
{
    private const string ContentType = "application/x-amz-json-1.1";

    public async Task<AwsConfigResponse> SendAsync(AwsCall call, AwsCredentials credentials, CancellationToken callToken)
    {
        using var request = Build(call, credentials);
        using var timer = new CancellationTokenSource(options.RequestTimeout, options.Time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(callToken, timer.Token);
        var attemptToken = timeout.Token;
        HttpResponseMessage received;
        try
        {
            received = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException && EndpointUnreachable.Reason(e) is { } reason)
        {
            throw new EndpointUnreachableException(reason, e);
        }
        catch (HttpRequestException e)
        {
            return Failure(call, 0, [], null, new AwsConfigError("ConnectionFailed", $"the request failed ({e.Message})", AwsErrorKind.Transient));
        }
        catch (OperationCanceledException) when (!callToken.IsCancellationRequested)
        {
            return TimedOut(call, []);
        }

        using var response = received;
        return await ReadAsync(call, response, attemptToken, callToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Build(AwsCall call, AwsCredentials credentials)
    {
        var endpoint = call.Channel.Endpoint;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Host", endpoint.Host),
            new("Content-Type", ContentType),
            new("X-Amz-Target", call.Operation.Target),
        };
        var signature = SigV4Signer.Sign(
            new SigningRequest("POST", endpoint.Url.AbsolutePath, string.Empty, headers, call.Body),
            credentials,
            options.Time.GetUtcNow(),
            new SigningOptions(call.Channel.Region, AwsConfigClient.SigningName));

        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new ByteArrayContent(call.Body),
            Version = System.Net.HttpVersion.Version11,
        };
        if (call.Source is not null)
        {
            request.Options.Set(ExchangeKey.Source, call.Source);
        }

        request.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        request.Headers.Host = endpoint.Host;
        request.Headers.TryAddWithoutValidation("X-Amz-Target", call.Operation.Target);
        foreach (var (name, value) in signature.AddedHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        return request;
    }

    private async Task<AwsConfigResponse> ReadAsync(AwsCall call, HttpResponseMessage response, CancellationToken attemptToken, CancellationToken callToken)
    {
        var status = (int)response.StatusCode;
        var date = response.Headers.Date;
        using var buffer = new MemoryStream();
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(attemptToken).ConfigureAwait(false);
            await stream.CopyToAsync(buffer, attemptToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return Failure(call, status, buffer.ToArray(), date, new AwsConfigError(
                "TruncatedResponse", $"the response was cut off after {buffer.Length} bytes ({e.Message})", AwsErrorKind.Transient));
        }
        catch (OperationCanceledException) when (!callToken.IsCancellationRequested)
        {
            return TimedOut(call, buffer.ToArray());
        }

        var body = buffer.ToArray();
        if (!response.IsSuccessStatusCode)
        {
            var headerType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.FirstOrDefault() : null;
            var error = AwsErrorClassifier.Classify(response.StatusCode, headerType, body);
            return Failure(call, status, body, date, error) with { RetryAfter = RetryAfter(response.Headers.RetryAfter, date) };
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("the body is not a JSON object");
            }

            return new AwsConfigResponse { Operation = call.Operation, StatusCode = status, Body = body, Json = document.RootElement.Clone(), Date = date };
        }
        catch (JsonException e)
        {
            return Failure(call, status, body, date, new AwsConfigError(
                "MalformedResponse", $"the response body is not valid JSON ({e.Message})", AwsErrorKind.Malformed));
        }
    }

    private static AwsConfigResponse Failure(AwsCall call, int status, byte[] body, DateTimeOffset? date, AwsConfigError error) =>
        new() { Operation = call.Operation, StatusCode = status, Body = body, Date = date, Error = error };

    private AwsConfigResponse TimedOut(AwsCall call, byte[] body) =>
        Failure(call, 0, body, null, new AwsConfigError(
            "Timeout", $"no answer within {options.RequestTimeout.TotalSeconds:0.###} seconds", AwsErrorKind.Transient));

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset? now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } at } when now is { } n => at > n ? at - n : TimeSpan.Zero,
        _ => null,
    };
}

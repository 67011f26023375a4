using System.Net;
using System.Net.Http.Headers;
using Evidence.Collectors.Aws.Client;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Resilience;
using Evidence.Core.Collection;
using Evidence.Core.Collection.Throttling;

namespace Evidence.Collectors.Aws.Tests.Client;

/// <summary>
/// The handler seam (what offline replay plugs into) with scripted answers: Retry-After is honoured
/// up to the longest backoff, and a skewed clock is reported as such, not as bad credentials.
/// </summary>
public sealed class RetryAfterTests
{
    [Theory]
    [InlineData(5000, 900, 5000)]
    [InlineData(50, 0, 800)]
    public async Task RetryAfterSetsTheWaitUpToTheLongestBackoff(int maxDelayMs, int atLeastMs, int belowMs)
    {
        using var handler = new StubHandler((n, _) => n == 1 ? TooManyRequests(TimeSpan.FromSeconds(1)) : Ok());
        using var client = new AwsConfigClient(Options(handler, TimeSpan.FromMilliseconds(maxDelayMs)));

        var response = await client.CallAsync(AwsConfigOperation.DescribeConfigRules, "us-east-1", [], null, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccess);
        var waited = handler.Arrivals[1] - handler.Arrivals[0];
        Assert.InRange(waited.TotalMilliseconds, atLeastMs, belowMs);
    }

    [Fact]
    public async Task AnExpiredSignatureIsBlamedOnTheClock()
    {
        using var handler = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"__type":"InvalidSignatureException","message":"Signature expired: 20261120T060000Z is now earlier than 20261120T061500Z (20261120T062000Z - 5 min.)"}"""),
        });
        using var client = new AwsConfigClient(Options(handler, TimeSpan.FromMilliseconds(5)));

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(() =>
            client.CallAsync(AwsConfigOperation.DescribeConfigRules, "us-east-1", [], null, TestContext.Current.CancellationToken));

        Assert.StartsWith("AWS Config refused the request's time (InvalidSignatureException: Signature expired", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("set this machine's clock right and collect again", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRequestCarriesTheJson11HeadersAndASignature()
    {
        HttpRequestMessage? seen = null;
        string? body = null;
        using var handler = new StubHandler((_, request) =>
        {
            seen = request;
            body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
            return Ok();
        });
        using var client = new AwsConfigClient(Options(handler, TimeSpan.FromMilliseconds(5)) with { Fips = true });

        await client.CallAsync(AwsConfigOperation.SelectResourceConfig, "us-gov-east-1", new() { ["Expression"] = "SELECT resourceId", ["Limit"] = 100 }, null, TestContext.Current.CancellationToken);

        Assert.Equal((HttpMethod.Post, new Uri("https://config.us-gov-east-1.amazonaws.com/")), (seen!.Method, seen.RequestUri));
        Assert.Equal("StarlingDoveService.SelectResourceConfig", seen.Headers.GetValues("X-Amz-Target").Single());
        Assert.Equal("application/x-amz-json-1.1", seen.Content!.Headers.ContentType!.ToString());
        Assert.Equal("""{"Expression":"SELECT resourceId","Limit":100}""", body);
        var authorization = seen.Headers.GetValues("Authorization").Single();
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDSTUB/", authorization, StringComparison.Ordinal);
        Assert.Contains("/us-gov-east-1/config/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=", authorization, StringComparison.Ordinal);
        Assert.Equal("stub-token", seen.Headers.GetValues("X-Amz-Security-Token").Single());
    }

    private static AwsConfigOptions Options(HttpMessageHandler handler, TimeSpan maxDelay) => new()
    {
        Handler = handler,
        Environment = _ => null,
        Credentials = new StaticAwsCredentialSource(new AwsCredentials("AKIDSTUB", "stub-secret", "stub-token")),
        Rate = new AdaptiveRateOptions { InitialRate = 1000, MaxRate = 1000, Burst = 10 },
        Retry = new AwsRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = maxDelay, Randomizer = () => 0.5 },
    };

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("""{"ConfigRules":[]}""") };

    private static HttpResponseMessage TooManyRequests(TimeSpan wait)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Too Many Requests") };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(wait);
        return response;
    }
}

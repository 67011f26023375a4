using Evidence.Testing;
using System.Text.Json.Nodes;
using Evidence.Collectors.Aws.Client;
using Evidence.Core.Collection;
using Evidence.Testing.Fakes.Aws;

namespace Evidence.Collectors.Aws.Tests.Client;

/// <summary>The JSON 1.1 client against the fake AWS Config: signing, paging, retries and what each error means.</summary>
public sealed class AwsConfigClientTests
{
    private static readonly JsonObject ForRule = new() { ["ConfigRuleName"] = "s3-bucket-public-read-prohibited" };

    [Fact]
    public async Task ACallIsASignedJsonPostTheFakeAccepts()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED");
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccess);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(AwsHarness.ServerTime, response.Date);
        Assert.Equal("s3-bucket-public-read-prohibited", Assert.Single(response.Items).GetProperty("ConfigRuleName").GetString());
        Assert.Equal(0, harness.Server.Rejected);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal(("DescribeConfigRules", AwsHarness.Account, AwsHarness.Region), (request.Operation, request.Account, request.Region));
    }

    [Fact]
    public async Task SessionCredentialsSendTheirTokenAndItIsSigned()
    {
        await using var harness = await AwsHarness.StartAsync();
        var session = new FakeAwsCredential("ASIAFAKEEVIDENCE0002", "session/secret/0000000000000000000002", AwsHarness.Account, "FwoGZXIvYXdzEFAKE//token+with/special=chars");
        harness.Server.Credentials.Add(session);
        using var client = new AwsConfigClient(harness.Options(session));

        var response = await client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccess);
    }

    [Theory]
    [InlineData("wrong-secret", "InvalidSignatureException")]
    [InlineData("unknown-key", "UnrecognizedClientException")]
    [InlineData("expired", "ExpiredTokenException")]
    public async Task RejectedCredentialsStopCollectionWithOneClearMessage(string problem, string code)
    {
        await using var harness = await AwsHarness.StartAsync();
        var key = FakeAwsCredential.Default;
        var used = problem switch
        {
            "wrong-secret" => key with { SecretAccessKey = "not-the-secret" },
            "unknown-key" => key with { AccessKeyId = "AKIAUNKNOWN000000000" },
            _ => key,
        };
        if (problem == "expired")
        {
            harness.Server.Credentials[0] = key with { Expired = true };
        }

        using var client = new AwsConfigClient(harness.Options(used));

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(() =>
            client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken));

        Assert.StartsWith($"AWS Config rejected the credentials ({code}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("aws sso login", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThrottledCallBacksOffSlowsTheRegionDownAndSucceeds()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED").With(3, "COMPLIANT", AwsHarness.Invoked);
        harness.Server.Faults.Enqueue(FakeFault.Throttle(times: 2));
        // Every throttle cuts here; that a stray one does not is the limiter's own test.
        using var client = new AwsConfigClient(harness.Options() with { Rate = harness.Options().Rate with { SporadicThrottles = 0 } });
        var progress = new CountingProgress();
        var before = client.CurrentRate(AwsHarness.Region);

        var response = await client.CallAsync(AwsConfigOperation.GetComplianceDetailsByConfigRule, AwsHarness.Region, ForRule, progress, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccess);
        Assert.Equal(3, response.Attempts);
        Assert.Equal((1, 2, 2), (progress.Calls, progress.ThrottledCount, progress.RetriedCount));
        var cut = harness.Options().Rate.DecreaseFactor;
        Assert.Equal(before * cut * cut, client.CurrentRate(AwsHarness.Region), precision: 6);
    }

    [Fact]
    public async Task ACallThrottledPastItsBudgetReturnsTheThrottlingError()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED");
        harness.Server.Faults.Enqueue(FakeFault.Throttle());
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.GetComplianceDetailsByConfigRule, AwsHarness.Region, ForRule, null, TestContext.Current.CancellationToken);

        Assert.Equal(new AwsConfigError("ThrottlingException", "Rate exceeded", AwsErrorKind.Throttling), response.Error);
        Assert.Equal(4, response.Attempts);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("""{"__type":"ThrottlingException","message":"Rate exceeded"}""", System.Text.Encoding.UTF8.GetString(response.Body));
    }

    [Fact]
    public async Task AServerErrorIsRetriedAFewTimesThenReturned()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Faults.Enqueue(FakeFault.Of(FakeFaultKind.ServerError));
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken);

        Assert.Equal(("Http500", AwsErrorKind.Transient), (response.Error?.Code, response.Error?.Kind));
        Assert.Equal(3, response.Attempts);
        Assert.StartsWith("<html>", System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedBodyIsNotRetried()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Faults.Enqueue(FakeFault.Of(FakeFaultKind.Malformed));
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken);

        Assert.Equal(("MalformedResponse", AwsErrorKind.Malformed, 1), (response.Error?.Code, response.Error?.Kind, response.Attempts));
        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task ACutOffBodyIsRetriedAndTheRetryCanSucceed()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED").With(40, "COMPLIANT", AwsHarness.Invoked);
        harness.Server.Faults.Enqueue(FakeFault.Of(FakeFaultKind.Truncated, times: 1));
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.GetComplianceDetailsByConfigRule, AwsHarness.Region, ForRule, null, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccess);
        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task ABodyCutOffEveryTimeIsReturnedWithThePartThatArrived()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("s3-bucket-public-read-prohibited", "S3_BUCKET_PUBLIC_READ_PROHIBITED").With(40, "COMPLIANT", AwsHarness.Invoked);
        harness.Server.Faults.Enqueue(FakeFault.Of(FakeFaultKind.Truncated));
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.GetComplianceDetailsByConfigRule, AwsHarness.Region, ForRule, null, TestContext.Current.CancellationToken);

        Assert.Equal(("TruncatedResponse", AwsErrorKind.Transient, 3), (response.Error?.Code, response.Error?.Kind, response.Attempts));
        Assert.StartsWith("{\"EvaluationResults\":[", System.Text.Encoding.UTF8.GetString(response.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableEndpointStopsCollection()
    {
        await using var harness = await AwsHarness.StartAsync();
        await harness.Server.StopAsync();
        using var client = new AwsConfigClient(harness.Options());

        var e = await Assert.ThrowsAsync<CollectionAbortedException>(() =>
            client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken));

        Assert.Contains($"AWS Config at {harness.Server.Endpoint} could not be reached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiErrorIsReturnedAsReceivedWithoutRetrying()
    {
        await using var harness = await AwsHarness.StartAsync();
        using var client = new AwsConfigClient(harness.Options());

        var response = await client.CallAsync(AwsConfigOperation.GetComplianceDetailsByConfigRule, AwsHarness.Region, ForRule, null, TestContext.Current.CancellationToken);

        Assert.Equal(("NoSuchConfigRuleException", AwsErrorKind.Request, 1), (response.Error?.Code, response.Error?.Kind, response.Attempts));
        Assert.Contains("s3-bucket-public-read-prohibited", response.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConformancePackCallsPageLikeTheOthers()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.East.AddRule("s3-bucket-public-read-prohibited-conformance-pack-abc123", "S3_BUCKET_PUBLIC_READ_PROHIBITED", conformancePack: "hipaa")
            .With(150, "COMPLIANT", AwsHarness.Invoked);
        using var client = new AwsConfigClient(harness.Options());
        var pack = new JsonObject { ["ConformancePackName"] = "hipaa", ["Limit"] = 100 };

        var first = await client.CallAsync(AwsConfigOperation.GetConformancePackComplianceDetails, AwsHarness.Region, pack, null, TestContext.Current.CancellationToken);
        pack["NextToken"] = first.NextToken;
        var second = await client.CallAsync(AwsConfigOperation.GetConformancePackComplianceDetails, AwsHarness.Region, pack, null, TestContext.Current.CancellationToken);
        var summary = await client.CallAsync(AwsConfigOperation.DescribeConformancePackCompliance, AwsHarness.Region, new JsonObject { ["ConformancePackName"] = "hipaa" }, null, TestContext.Current.CancellationToken);

        Assert.Equal((100, 50), (first.Items.Count(), second.Items.Count()));
        Assert.Null(second.NextToken);
        Assert.Equal("COMPLIANT", Assert.Single(summary.Items).GetProperty("ComplianceType").GetString());
    }

    [Fact]
    public async Task AServerThatNeverAnswersTimesOutAndIsRetried()
    {
        await using var harness = await AwsHarness.StartAsync();
        harness.Server.Faults.Enqueue(FakeFault.Of(FakeFaultKind.Stall));
        using var client = new AwsConfigClient(harness.Options() with { RequestTimeout = TimeSpan.FromMilliseconds(200) });

        var response = await client.CallAsync(AwsConfigOperation.DescribeConfigRules, AwsHarness.Region, [], null, TestContext.Current.CancellationToken);

        Assert.Equal(("Timeout", AwsErrorKind.Transient, 3), (response.Error?.Code, response.Error?.Kind, response.Attempts));
        Assert.Equal("no answer within 0.2 seconds", response.Error!.Message);
    }
}

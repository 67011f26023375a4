using System.Net;
using System.Text;
using Evidence.Collectors.Aws.Client;

namespace Evidence.Collectors.Aws.Tests.Client;

/// <summary>Reading a JSON 1.1 error: code from __type or the header, message in either case, and what the code means.</summary>
public sealed class AwsErrorClassifierTests
{
    [Theory]
    [InlineData("""{"__type":"com.amazonaws.starlingdove#NoSuchConfigRuleException","message":"no rule"}""", "NoSuchConfigRuleException", "no rule", AwsErrorKind.Request)]
    [InlineData("""{"__type":"ThrottlingException","Message":"Rate exceeded"}""", "ThrottlingException", "Rate exceeded", AwsErrorKind.Throttling)]
    [InlineData("""{"__type":"LimitExceededException","message":"slow down"}""", "LimitExceededException", "slow down", AwsErrorKind.Throttling)]
    [InlineData("""{"__type":"ExpiredTokenException","message":"expired"}""", "ExpiredTokenException", "expired", AwsErrorKind.Credentials)]
    [InlineData("""{"__type":"AccessDeniedException","Message":"not authorized"}""", "AccessDeniedException", "not authorized", AwsErrorKind.Request)]
    [InlineData("""{"__type":"InternalFailure"}""", "InternalFailure", "HTTP 400 BadRequest", AwsErrorKind.Transient)]
    public void TheCodeAndMessageComeFromTheBody(string body, string code, string message, AwsErrorKind kind)
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.BadRequest, null, Encoding.UTF8.GetBytes(body));

        Assert.Equal(new AwsConfigError(code, message, kind), error);
    }

    [Fact]
    public void WithoutAJsonBodyTheErrorTypeHeaderNamesTheCode()
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.Forbidden, "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/", "Forbidden"u8.ToArray());

        Assert.Equal(("UnrecognizedClientException", AwsErrorKind.Credentials), (error.Code, error.Kind));
    }

    [Fact]
    public void TooManyRequestsIsThrottlingWhateverTheBody()
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.TooManyRequests, null, []);

        Assert.Equal(("Http429", AwsErrorKind.Throttling), (error.Code, error.Kind));
    }

    [Fact]
    public void ABadGatewayIsTransient()
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.BadGateway, null, "<html>bad gateway</html>"u8.ToArray());

        Assert.Equal(("Http502", AwsErrorKind.Transient, "HTTP 502 BadGateway"), (error.Code, error.Kind, error.Message));
    }
}

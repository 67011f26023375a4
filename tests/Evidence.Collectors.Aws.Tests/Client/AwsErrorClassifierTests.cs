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

    [Theory]
    [InlineData("""<?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error><RequestId>r</RequestId></ErrorResponse>""", "SignatureDoesNotMatch", "The request signature we calculated does not match")]
    [InlineData("""<?xml version="1.0" encoding="utf-8"?> <ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>""", "InvalidClientTokenId", "The security token included in the request is invalid.")]
    [InlineData("""<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors><RequestID>r</RequestID></Response>""", "AuthFailure", "AWS was not able to validate the provided access credentials")]
    [InlineData("""  <Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>""", "ExpiredToken", "The provided token has expired.")]
    [InlineData("""<ErrorResponse><Error><Code>IncompleteSignature</Code></Error></ErrorResponse>""", "IncompleteSignature", "HTTP 403 Forbidden")]
    public void AnAuthenticationErrorInXmlIsRejectedCredentials(string body, string code, string message)
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.Forbidden, null, Encoding.UTF8.GetBytes(body));

        Assert.Equal(new AwsConfigError(code, message, AwsErrorKind.Credentials), error);
    }

    [Fact]
    public void AnXmlErrorThatIsNotAboutIdentityStaysARequestError()
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.BadRequest, null, "<ErrorResponse><Error><Code>InvalidAction</Code><Message>not valid for this web service</Message></Error></ErrorResponse>"u8.ToArray());

        Assert.Equal(new AwsConfigError("InvalidAction", "not valid for this web service", AwsErrorKind.Request), error);
    }

    [Fact]
    public void BrokenXmlFallsBackToTheStatus()
    {
        var error = AwsErrorClassifier.Classify(HttpStatusCode.Forbidden, null, "<ErrorResponse><Error><Code>Sig"u8.ToArray());

        Assert.Equal(("Http403", AwsErrorKind.Request), (error.Code, error.Kind));
    }

    [Fact]
    public void AnXmlBodyWithADoctypeIsNotExpanded()
    {
        var body = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "SignatureDoesNotMatch">]><ErrorResponse><Error><Code>&x;</Code></Error></ErrorResponse>""";

        var error = AwsErrorClassifier.Classify(HttpStatusCode.Forbidden, null, Encoding.UTF8.GetBytes(body));

        Assert.Equal("Http403", error.Code);
    }
}

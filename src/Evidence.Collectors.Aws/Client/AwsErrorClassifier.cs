using System.Net;
using System.Text.Json;

namespace Evidence.Collectors.Aws.Client;

/// <summary>
/// Reads a JSON 1.1 error answer: the code from <c>__type</c> (which may be <c>namespace#Code</c>) or
/// the x-amzn-ErrorType header, the message from <c>message</c> or <c>Message</c>, and sorts the code
/// into what the collector does about it.
/// </summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "RequestLimitExceeded", "LimitExceededException", "ProvisionedThroughputExceededException",
        "SlowDown", "BandwidthLimitExceeded", "PriorRequestNotComplete", "EC2ThrottledException", "TransactionInProgressException",
    };

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.Ordinal)
    {
        "ExpiredTokenException", "ExpiredToken", "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
        "SignatureDoesNotMatch", "MissingAuthenticationToken", "MissingAuthenticationTokenException", "IncompleteSignature",
        "IncompleteSignatureException", "InvalidAccessKeyId", "AuthFailure", "RequestExpired", "RequestTimeTooSkewed",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "InternalFailure", "InternalServerError", "InternalError", "ServiceUnavailable", "ServiceUnavailableException",
        "RequestTimeout", "RequestTimeoutException",
    };

    public static AwsConfigError Classify(HttpStatusCode status, string? headerType, byte[] body)
    {
        var (code, message) = Read(body);
        code ??= Code(headerType);
        var statusNumber = (int)status;
        code ??= $"Http{statusNumber}";
        message ??= $"HTTP {statusNumber} {status}";
        var kind = code switch
        {
            _ when ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests => AwsErrorKind.Throttling,
            _ when CredentialCodes.Contains(code) => AwsErrorKind.Credentials,
            _ when TransientCodes.Contains(code) || statusNumber >= 500 => AwsErrorKind.Transient,
            _ => AwsErrorKind.Request,
        };
        return new AwsConfigError(code, message, kind);
    }

    /// <summary>"com.amazonaws.config#NoSuchConfigRuleException" → "NoSuchConfigRuleException"; the header form may add ":url".</summary>
    public static string? Code(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type.Trim();
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Length == 0 ? null : code;
    }

    private static (string? Code, string? Message) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (Code(Text(root, "__type") ?? Text(root, "code") ?? Text(root, "Code")), Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

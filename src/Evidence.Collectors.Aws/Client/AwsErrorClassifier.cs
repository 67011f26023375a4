using System.Net;
using System.Text.Json;
using System.Xml;

namespace Evidence.Collectors.Aws.Client;

/// <summary>
/// Reads an error answer: the code from a JSON 1.1 body's <c>__type</c> (which may be <c>namespace#Code</c>),
/// from an XML body's <c>&lt;Error&gt;&lt;Code&gt;</c> (the query-protocol shape that gateways, STS-backed
/// front ends and emulators such as moto send even for JSON services:
/// <c>&lt;ErrorResponse&gt;&lt;Error&gt;</c>, <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c>, <c>&lt;Error&gt;</c>)
/// or from the x-amzn-ErrorType header; the message likewise; and sorts the code into what the
/// collector does about it. Whatever the body's shape, a code that says the request's identity was
/// refused stops the run.
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
        "InvalidClientTokenIdException", "UnrecognizedClient", "InvalidSignature", "InvalidToken", "InvalidAccessKeyIdException",
        "SignatureDoesNotMatchException", "NotAuthorized", "OptInRequired",
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

    private static (string? Code, string? Message) Read(byte[] body) => LooksLikeXml(body) ? ReadXml(body) : ReadJson(body);

    private static (string? Code, string? Message) ReadJson(byte[] body)
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

    /// <summary>The first <c>Code</c> and <c>Message</c> inside an <c>Error</c> element, wherever that is nested.</summary>
    private static (string? Code, string? Message) ReadXml(byte[] body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 1 << 20 };
        string? code = null, message = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
            var inError = 0;
            reader.Read();
            while (!reader.EOF && (code is null || message is null))
            {
                if (reader.NodeType == XmlNodeType.Element && inError > 0 && reader.LocalName is "Code" or "Message")
                {
                    // Reading the content moves past the end tag: the loop must not read again.
                    var isCode = reader.LocalName == "Code";
                    var text = reader.ReadElementContentAsString().Trim();
                    if (text.Length > 0 && isCode)
                    {
                        code ??= Code(text);
                    }
                    else if (text.Length > 0)
                    {
                        message ??= text;
                    }

                    continue;
                }

                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Error" && !reader.IsEmptyElement)
                {
                    inError++;
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Error" && --inError == 0 && code is not null)
                {
                    break;
                }

                reader.Read();
            }
        }
        catch (XmlException)
        {
            // A broken body says what it managed to say; the status decides the rest.
        }

        return (code, message);
    }

    private static bool LooksLikeXml(byte[] body)
    {
        foreach (var b in body.AsSpan(body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0))
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'<';
        }

        return false;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

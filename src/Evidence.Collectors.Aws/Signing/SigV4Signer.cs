using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Evidence.Collectors.Aws.Credentials;

namespace Evidence.Collectors.Aws.Signing;

/// <summary>
/// AWS Signature Version 4 with the Authorization header: canonical request, string to sign, signing
/// key and signature, checked against the official test suite. Adds X-Amz-Date (unless the request
/// has it), X-Amz-Security-Token for session credentials and, when asked, x-amz-content-sha256.
/// </summary>
internal static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static SigV4Signature Sign(SigningRequest request, AwsCredentials credentials, DateTimeOffset time, SigningOptions options)
    {
        var amzDate = time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var payloadHash = CanonicalRequest.HashHex(request.Body.Span);

        var added = new List<KeyValuePair<string, string>>();
        if (!Has(request.Headers, "x-amz-date"))
        {
            added.Add(new("X-Amz-Date", amzDate));
        }

        var token = credentials.SessionToken is { Length: > 0 } t && !Has(request.Headers, "x-amz-security-token") ? t : null;
        if (token is not null && options.SignSessionToken)
        {
            added.Add(new("X-Amz-Security-Token", token));
        }

        if (options.SignContentHash && !Has(request.Headers, "x-amz-content-sha256"))
        {
            added.Add(new("x-amz-content-sha256", payloadHash));
        }

        var headers = CanonicalRequest.Headers(request.Headers.Concat(added));
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(CanonicalRequest.Path(request.Path, options.NormalizePath)).Append('\n')
            .Append(CanonicalRequest.Query(request.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        var canonicalRequest = canonical.ToString();

        var scope = $"{date}/{options.Region}/{options.Service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{CanonicalRequest.HashHex(canonicalRequest)}";
        var key = SigningKey(credentials.SecretAccessKey, date, options.Region, options.Service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        var authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";

        if (token is not null && !options.SignSessionToken)
        {
            added.Add(new("X-Amz-Security-Token", token));
        }

        return new SigV4Signature(canonicalRequest, stringToSign, signature, authorization, added);
    }

    /// <summary>HMAC chain from "AWS4" + secret through date, region and service to "aws4_request".</summary>
    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    private static bool Has(IEnumerable<KeyValuePair<string, string>> headers, string name) =>
        headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
}

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// Checks a request's SigV4 Authorization header the way AWS does, written apart from the client's
/// signer: rebuild the canonical request from the headers as received, derive the key from the known
/// secret, and compare signatures. Returns the error code and message AWS would send, or null.
/// </summary>
internal static partial class FakeSignatureVerifier
{
    public static (string Code, string Message, FakeAwsCredential? Credential, string? Region)? Verify(
        HttpRequest request, byte[] body, IReadOnlyList<FakeAwsCredential> credentials)
    {
        var authorization = request.Headers.Authorization.ToString();
        var match = AuthorizationHeader().Match(authorization);
        if (!match.Success)
        {
            return ("MissingAuthenticationTokenException", "Missing Authentication Token", null, null);
        }

        var accessKey = match.Groups["key"].Value;
        var date = match.Groups["date"].Value;
        var region = match.Groups["region"].Value;
        var service = match.Groups["service"].Value;
        var signedHeaders = match.Groups["signed"].Value.Split(';');
        var credential = credentials.FirstOrDefault(c => c.AccessKeyId == accessKey);
        if (credential is null)
        {
            return ("UnrecognizedClientException", "The security token included in the request is invalid.", null, region);
        }

        if (credential.Expired)
        {
            return ("ExpiredTokenException", "The security token included in the request is expired", credential, region);
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (service != "config" || !signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date") || !amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return ("IncompleteSignatureException", $"Credential should be scoped to a valid date, region and the service 'config', and sign host and x-amz-date: {authorization}", credential, region);
        }

        if (credential.SessionToken is { } token && request.Headers["X-Amz-Security-Token"].ToString() != token)
        {
            return ("UnrecognizedClientException", "The security token included in the request is invalid.", credential, region);
        }

        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(Encode(request.Path.HasValue ? request.Path.Value! : "/")).Append('\n')
            .Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = name == "host" ? request.Host.Value ?? string.Empty : string.Join(',', request.Headers[name].Select(v => Squeeze(v ?? string.Empty)));
            canonical.Append(name).Append(':').Append(values).Append('\n');
        }

        canonical.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(Hex(SHA256.HashData(body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credential.SecretAccessKey), date);
        foreach (var part in new[] { region, service, "aws4_request" })
        {
            key = Hmac(key, part);
        }

        var expected = Hex(Hmac(key, stringToSign));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(match.Groups["signature"].Value)))
        {
            return ("InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
                credential, region);
        }

        return null;
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Squeeze(string value) => Whitespace().Replace(value.Trim(), " ");

    private static string Encode(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

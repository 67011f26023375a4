using System.Text;
using System.Text.Json;
using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Signing;
using Evidence.Testing;

namespace Evidence.Collectors.Aws.Tests.Signing;

/// <summary>
/// The official SigV4 test suite, both editions, read from ../shared/reference/sigv4 at test time:
/// for every case the canonical request, the string to sign, the signature and the Authorization
/// header must match byte for byte. Every header-signing case applies; the aws-c-auth edition's
/// presigned-URL variants do not (see <see cref="Inapplicable"/>).
/// </summary>
public sealed class SigV4SuiteTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTimeOffset Time = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private static readonly SigningOptions Options = new("us-east-1", "service");

    /// <summary>Cases or variants the client never meets, each with the reason it is skipped.</summary>
    private static readonly Dictionary<string, string> Inapplicable = new(StringComparer.Ordinal)
    {
        ["query"] = "presigned URL (query-string) signing: the AWS Config client signs with the Authorization header only",
    };

    /// <summary>The botocore edition does not carry its credentials: botocore's harness adds this token to one case.</summary>
    private static readonly Dictionary<string, string> BotocoreTokens = new(StringComparer.Ordinal)
    {
        ["get-vanilla-with-session-token"] = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
    };

    private static readonly string[] Variants = ["header", "query"];

    private static string Botocore => Path.Combine(RepositoryPaths.Reference, "sigv4", "aws4_testsuite-botocore");

    private static string AwsCAuth => Path.Combine(RepositoryPaths.Reference, "sigv4", "aws-c-auth-v4");

    public static IEnumerable<TheoryDataRow<string>> BotocoreCases() =>
        Directory.EnumerateFiles(Botocore, "*.req", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Botocore, Path.GetDirectoryName(file)!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(name => new TheoryDataRow<string>(name));

    public static IEnumerable<TheoryDataRow<string, string>> AwsCAuthCases() =>
        Directory.EnumerateDirectories(AwsCAuth)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .SelectMany(name => Variants.Select(variant =>
                new TheoryDataRow<string, string>(name, variant) { Skip = Inapplicable.GetValueOrDefault(variant) }));

    [Fact]
    public void BothEditionsOfTheSuiteAreFound()
    {
        Assert.Equal(34, BotocoreCases().Count());
        Assert.Equal(38, AwsCAuthCases().Count(row => row.Skip is null));
    }

    [Theory]
    [MemberData(nameof(BotocoreCases))]
    public void SignsLikeTheBotocoreSuite(string name)
    {
        var folder = Path.Combine(Botocore, name);
        var file = Path.GetFileName(name);
        var request = SuiteRequest.Parse(File.ReadAllBytes(Path.Combine(folder, file + ".req")));
        var credentials = new AwsCredentials(AccessKey, Secret, BotocoreTokens.GetValueOrDefault(file));

        var signature = SigV4Signer.Sign(ToSigning(request), credentials, Time, Options);

        Assert.Equal(Read(folder, file + ".creq"), signature.CanonicalRequest);
        Assert.Equal(Read(folder, file + ".sts"), signature.StringToSign);
        Assert.Equal(Read(folder, file + ".authz"), signature.Authorization);
    }

    [Theory]
    [MemberData(nameof(AwsCAuthCases))]
    public void SignsLikeTheAwsCAuthSuite(string name, string variant)
    {
        Assert.Equal("header", variant);
        var folder = Path.Combine(AwsCAuth, name);
        using var context = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "context.json")));
        var root = context.RootElement;
        var keys = root.GetProperty("credentials");
        var credentials = new AwsCredentials(
            keys.GetProperty("access_key_id").GetString()!,
            keys.GetProperty("secret_access_key").GetString()!,
            keys.TryGetProperty("token", out var token) ? token.GetString() : null);
        var options = new SigningOptions(
            root.GetProperty("region").GetString()!,
            root.GetProperty("service").GetString()!,
            NormalizePath: root.GetProperty("normalize").GetBoolean(),
            SignContentHash: root.GetProperty("sign_body").GetBoolean(),
            SignSessionToken: !(root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean()));
        var time = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var request = SuiteRequest.Parse(File.ReadAllBytes(Path.Combine(folder, "request.txt")));

        var signature = SigV4Signer.Sign(ToSigning(request), credentials, time, options);

        Assert.Equal(Read(folder, "header-canonical-request.txt"), signature.CanonicalRequest);
        Assert.Equal(Read(folder, "header-string-to-sign.txt"), signature.StringToSign);
        Assert.Equal(Read(folder, "header-signature.txt"), signature.Signature);
        var signed = SuiteRequest.Parse(File.ReadAllBytes(Path.Combine(folder, "header-signed-request.txt")));
        Assert.Equal(Header(signed, "Authorization"), signature.Authorization);
        Assert.Equal(Header(signed, "X-Amz-Security-Token"), Added(signature, "X-Amz-Security-Token"));
    }

    [Fact]
    public void TheSecretAndTokenNeverShowInCredentialsText()
    {
        var credentials = new AwsCredentials(AccessKey, Secret, "session-token-value");

        var text = credentials.ToString();

        Assert.Contains(AccessKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-token-value", text, StringComparison.Ordinal);
    }

    private static SigningRequest ToSigning(SuiteRequest request) =>
        new(request.Method, request.Path, request.Query, request.Headers, request.Body);

    /// <summary>The expected texts have no final newline; compare them exactly as stored.</summary>
    private static string Read(string folder, string file) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, file)));

    private static string? Header(SuiteRequest request, string name) =>
        request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).SingleOrDefault();

    private static string? Added(SigV4Signature signature, string name) =>
        signature.AddedHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
}

using Evidence.Collectors.Aws.Credentials;
using Evidence.Collectors.Aws.Signing;

namespace Evidence.Collectors.Aws.Tests.Signing;

/// <summary>
/// The official SigV4 test suite, both editions, encoded as this project's own cases in
/// tests/Evidence.Testing/Fixtures/sigv4 (its README says where they come from): for every case the
/// canonical request, the string to sign, the signature and the Authorization header must match byte
/// for byte. Every header-signing case applies; the aws-c-auth edition's presigned-URL variants do
/// not (see <see cref="Inapplicable"/>).
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

    private static readonly string[] Variants = ["header", "query"];

    private static readonly IReadOnlyDictionary<string, SuiteCase> Botocore = SuiteCase.Load("botocore-cases.json");

    private static readonly IReadOnlyDictionary<string, SuiteCase> AwsCAuth = SuiteCase.Load("aws-c-auth-cases.json");

    public static IEnumerable<TheoryDataRow<string>> BotocoreCases() =>
        Botocore.Keys
            .Order(StringComparer.Ordinal)
            .Select(name => new TheoryDataRow<string>(name));

    public static IEnumerable<TheoryDataRow<string, string>> AwsCAuthCases() =>
        AwsCAuth.Keys
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
        var suite = Botocore[name];
        var request = SuiteRequest.Parse(SuiteCase.Text(suite.Request));
        var credentials = new AwsCredentials(AccessKey, Secret, suite.SessionToken);

        var signature = SigV4Signer.Sign(ToSigning(request), credentials, Time, Options);

        Assert.Equal(SuiteCase.Text(suite.CanonicalRequest), signature.CanonicalRequest);
        Assert.Equal(SuiteCase.Text(suite.StringToSign), signature.StringToSign);
        Assert.Equal(suite.Authorization, signature.Authorization);
    }

    [Theory]
    [MemberData(nameof(AwsCAuthCases))]
    public void SignsLikeTheAwsCAuthSuite(string name, string variant)
    {
        Assert.Equal("header", variant);
        var suite = AwsCAuth[name];
        var credentials = new AwsCredentials(suite.AccessKeyId!, suite.SecretAccessKey!, suite.SessionToken);
        var options = new SigningOptions(
            suite.Region!,
            suite.Service!,
            NormalizePath: suite.NormalizePath,
            SignContentHash: suite.SignContentHash,
            SignSessionToken: suite.SignSessionToken);
        var request = SuiteRequest.Parse(SuiteCase.Text(suite.Request));

        var signature = SigV4Signer.Sign(ToSigning(request), credentials, suite.Time!.Value, options);

        Assert.Equal(SuiteCase.Text(suite.CanonicalRequest), signature.CanonicalRequest);
        Assert.Equal(SuiteCase.Text(suite.StringToSign), signature.StringToSign);
        Assert.Equal(suite.Signature, signature.Signature);
        Assert.Equal(suite.Authorization, signature.Authorization);
        Assert.Equal(suite.AddedSecurityToken, Added(signature, "X-Amz-Security-Token"));
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

    private static string? Added(SigV4Signature signature, string name) =>
        signature.AddedHeaders.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
}

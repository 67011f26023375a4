using System.Text.Json;
using System.Text.Json.Serialization;
using Evidence.Testing;

namespace Evidence.Collectors.Aws.Tests.Signing;

/// <summary>
/// One case of the SigV4 test suite as the fixtures encode it (Fixtures/sigv4): a raw request and what
/// signing it must give. Requests and expected texts are kept one line per element; their exact bytes
/// are the lines joined with LF, with no final newline. The botocore edition carries no credentials,
/// time or scope (its harness supplies them), so those members are null in its cases.
/// </summary>
internal sealed record SuiteCase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public required string Name { get; init; }

    public required IReadOnlyList<string> Request { get; init; }

    public required IReadOnlyList<string> CanonicalRequest { get; init; }

    public required IReadOnlyList<string> StringToSign { get; init; }

    /// <summary>The Authorization header value the signed request carries.</summary>
    public required string Authorization { get; init; }

    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? Region { get; init; }

    public string? Service { get; init; }

    public bool NormalizePath { get; init; } = true;

    public bool SignContentHash { get; init; }

    public bool SignSessionToken { get; init; } = true;

    public string? Signature { get; init; }

    /// <summary>The X-Amz-Security-Token header the signer must add, if any.</summary>
    public string? AddedSecurityToken { get; init; }

    /// <summary>The cases of one fixture file, by name.</summary>
    public static IReadOnlyDictionary<string, SuiteCase> Load(string file)
    {
        var path = Path.Combine(RepositoryPaths.Fixtures, "sigv4", file);
        var suite = JsonSerializer.Deserialize<SuiteFile>(File.ReadAllBytes(path), Json)
            ?? throw new InvalidOperationException(path + " is empty");
        return suite.Cases.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    public static string Text(IReadOnlyList<string> lines) => string.Join('\n', lines);

    private sealed record SuiteFile(IReadOnlyList<SuiteCase> Cases);
}

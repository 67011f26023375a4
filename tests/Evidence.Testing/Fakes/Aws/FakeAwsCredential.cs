namespace Evidence.Testing.Fakes.Aws;

/// <summary>
/// An access key the fake AWS Config server knows: whose account it signs for, its secret (to check
/// signatures with) and, for temporary credentials, the session token it expects.
/// </summary>
public sealed record FakeAwsCredential(string AccessKeyId, string SecretAccessKey, string Account, string? SessionToken = null)
{
    /// <summary>The server answers ExpiredTokenException to every request signed with this key.</summary>
    public bool Expired { get; init; }

    /// <summary>A long-term key for <c>111122223333</c>.</summary>
    public static FakeAwsCredential Default { get; } = new("AKIAFAKEEVIDENCE0001", "fake/secret/for/tests/only/0000000000001", "111122223333");
}

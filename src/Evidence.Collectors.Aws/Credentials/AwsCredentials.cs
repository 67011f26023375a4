namespace Evidence.Collectors.Aws.Credentials;

/// <summary>
/// An access key pair, with a session token for temporary credentials. The secret and the token never
/// appear in <see cref="ToString"/>, so a log line or exception message cannot leak them.
/// </summary>
public sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    /// <summary>The account the credentials belong to, when the provider says (SSO, assume-role, AWS_ACCOUNT_ID).</summary>
    public string? AccountId { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SessionToken = {(SessionToken is null ? "none" : "set")}, AccountId = {AccountId ?? "unknown"} }}";
}

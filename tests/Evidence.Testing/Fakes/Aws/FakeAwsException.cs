namespace Evidence.Testing.Fakes.Aws;

/// <summary>An error answer the fake's operations raise: HTTP status, AWS error code and message.</summary>
internal sealed class FakeAwsException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}

namespace Evidence.Cli.Collect;

/// <summary>
/// Test-only ways in: the HTTP handler live collection sends through (a fake server's self-signed
/// certificate needs one) instead of the default network stack. Never set outside tests.
/// </summary>
internal sealed record CollectSeams
{
    /// <summary>Sends the live AWS and Azure requests; the caller keeps ownership.</summary>
    public HttpMessageHandler? Handler { get; init; }
}

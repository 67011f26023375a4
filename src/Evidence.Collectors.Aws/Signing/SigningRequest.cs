namespace Evidence.Collectors.Aws.Signing;

/// <summary>
/// A request as the signer sees it: the path and query exactly as they go on the wire, every header to
/// sign (duplicates and folded values included, in the order given) and the body.
/// </summary>
internal sealed record SigningRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);

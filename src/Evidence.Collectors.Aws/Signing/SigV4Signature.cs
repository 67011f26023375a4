namespace Evidence.Collectors.Aws.Signing;

/// <summary>
/// What signing produced: the intermediate texts (so tests can compare them with the official suite),
/// the Authorization header value and the headers the signer added to the request.
/// </summary>
internal sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string Authorization,
    IReadOnlyList<KeyValuePair<string, string>> AddedHeaders);

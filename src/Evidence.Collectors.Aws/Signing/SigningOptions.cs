namespace Evidence.Collectors.Aws.Signing;

/// <summary>How to sign: the credential scope and the variations the AWS services differ on.</summary>
/// <param name="Region">The region of the credential scope.</param>
/// <param name="Service">The signing name, <c>config</c> for AWS Config.</param>
/// <param name="NormalizePath">Remove dot segments and repeated slashes; every service but S3 does.</param>
/// <param name="SignContentHash">Send and sign <c>x-amz-content-sha256</c>; JSON services do not need it.</param>
/// <param name="SignSessionToken">Sign <c>X-Amz-Security-Token</c>; false adds it after signing, as a few services require.</param>
internal sealed record SigningOptions(
    string Region,
    string Service,
    bool NormalizePath = true,
    bool SignContentHash = false,
    bool SignSessionToken = true);

namespace Evidence.Rendering.Verification;

/// <summary>
/// What checking a binder found: how many files are attached, how many are run manifests, how many
/// match their entry in the binder index, how many are workspace documents (manual evidence and attestation records), and every difference.
/// </summary>
public sealed record BinderVerification(int Attachments, int Manifests, int Verified, int Documents, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && Manifests > 0;
}

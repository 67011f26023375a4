namespace Evidence.Rendering.Verification;

/// <summary>What checking a binder found: files checked against a manifest, other documents, and every mismatch.</summary>
public sealed record BinderVerification(int Attachments, int Manifests, int Verified, int Documents, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && Manifests > 0;
}

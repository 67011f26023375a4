using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Core.Validation;

/// <summary>
/// The evidence a judgment reads (the newest answer to each query from each source) is present and has the
/// SHA-256 recorded when it was collected. <c>evidence verify</c> checks every file of every run.
/// </summary>
internal sealed class EvidenceManifestValidator(bool verifyHashes) : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded) =>
        verifyHashes ? EvidenceVerifier.VerifyInUse(loaded.Runs) : [];
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Store;

namespace Evidence.Core.Validation;

/// <summary>Every file a manifest lists is present and has the SHA-256 recorded when it was collected.</summary>
internal sealed class EvidenceManifestValidator(bool verifyHashes) : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded) =>
        verifyHashes ? loaded.Runs.SelectMany(EvidenceVerifier.Verify).ToList() : [];
}

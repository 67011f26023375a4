using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;

namespace Evidence.Web.State;

/// <summary>
/// The workspace as read at one moment, judged once: every page of one version reads the same state, and a
/// page never sees a half-loaded workspace.
/// </summary>
internal sealed record WorkspaceSnapshot(long Version, LoadedWorkspace Loaded, DateTimeOffset AsOf)
{
    public WorkspaceEvaluation? Evaluation { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public IReadOnlyList<OwnerPending> Pending { get; init; } = [];

    /// <summary>The errors that stop the workspace being judged; empty when it loaded cleanly.</summary>
    public IReadOnlyList<Diagnostic> Errors => Loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public string SystemName => Loaded.Workspace?.System.Name ?? "Evidence";
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Web.Pages;
using Evidence.Web.Pages.Sources;

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

    /// <summary>Controls × accounts with failing counts, counted once per snapshot for the dashboard's heat map.</summary>
    public SourceGrid? Sources { get; init; }

    /// <summary>How old the cloud evidence is, counted once per snapshot for the dashboard.</summary>
    public EvidenceFreshness? Freshness { get; init; }

    /// <summary>The errors that stop the workspace being judged; empty when it loaded cleanly.</summary>
    public IReadOnlyList<Diagnostic> Errors => Loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public string SystemName => Loaded.Workspace?.System.Name ?? "Evidence";
}

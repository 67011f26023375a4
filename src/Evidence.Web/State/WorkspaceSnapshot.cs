using System.Collections.Concurrent;
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

    /// <summary>
    /// Pages drawn from this snapshot, by address and reader: a page is a function of the snapshot and who reads
    /// it, so it is drawn once per version, not per request. A new snapshot (any change on disk, or the clock's
    /// minute) starts empty. Bounded by the catalog's families and controls times the people who sign in.
    /// </summary>
    public ConcurrentDictionary<string, string> Pages { get; } = new(StringComparer.Ordinal);

    /// <summary>The SHA-256 of each evidence file shown from this snapshot, by full path: hashed once per version.</summary>
    public ConcurrentDictionary<string, string> FileHashes { get; } = new(StringComparer.Ordinal);

    /// <summary>The errors that stop the workspace being judged; empty when it loaded cleanly.</summary>
    public IReadOnlyList<Diagnostic> Errors => Loaded.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    public string SystemName => Loaded.Workspace?.System.Name ?? "Evidence";
}

using Evidence.Core.Attestations;
using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Findings;
using Evidence.Core.Resolution;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Loading;

/// <summary>Everything a workspace holds, read from disk, with the problems found along the way.</summary>
public sealed class LoadedWorkspace
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Run, string Item), IReadOnlyList<ResultRow>> _failingRows = new();
    private IReadOnlyList<ResolvedControl>? _controls;

    /// <summary>The workspace folder on disk.</summary>
    public required string Root { get; init; }

    /// <summary>The workspace folder as the user named it, used to show file paths.</summary>
    public required string DisplayRoot { get; init; }

    public required ControlCatalog Catalog { get; init; }

    /// <summary>Null when <c>evidence.yaml</c> could not be read.</summary>
    public Workspace? Workspace { get; init; }

    public IReadOnlyList<ControlOverlay> Overlays { get; init; } = [];

    public IReadOnlyList<Attestation> Attestations { get; init; } = [];

    /// <summary>The entries of <c>findings.yaml</c>: plans, risk acceptances and false positives.</summary>
    public IReadOnlyList<FindingRecord> FindingRecords { get; init; } = [];

    /// <summary>Evidence runs, oldest first.</summary>
    public IReadOnlyList<EvidenceRun> Runs { get; init; } = [];

    /// <summary>
    /// The folded findings history of older runs, when the workspace was loaded for one instant
    /// (<see cref="WorkspaceLoader.Load(string, bool, DateTimeOffset?)"/>): <see cref="Runs"/> then holds only the
    /// runs collected since and those evaluation judges, and the findings register goes on from this.
    /// </summary>
    internal HistoryCheckpoint? History { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; internal set; } = [];

    /// <summary>
    /// Every catalog control as this workspace sees it, resolved once on first use: validators, the
    /// evaluator and the collection planner all read the same list.
    /// </summary>
    public IReadOnlyList<ResolvedControl> Controls => _controls ??= ControlResolver.Resolve(this);

    /// <summary>
    /// The failing rows of one collected item, read from its results file once per load: the findings
    /// register is built by the validator and again by the command, and both need them. An item whose counts
    /// hold no non-compliant resource has no failing row, so its file is not read at all: the register reads
    /// every run of the history, and most answers are clean.
    /// </summary>
    internal IReadOnlyList<ResultRow> FailingRows(EvidenceRun run, EvidenceItem item) =>
        item.Counts.NonCompliant == 0 ? [] : _failingRows.GetOrAdd((run.RunId, item.Id), _ =>
            ResultRowFormat.Read(Path.Combine(run.Directory, item.Results!.Path)).Where(r => r.Compliance == ComplianceValues.NonCompliant).ToList());

    /// <summary>
    /// Lets go of the failing rows read so far (a later <see cref="FailingRows"/> reads its file again). A build
    /// calls this once the findings register is built: the documents read rows from the files as they write them,
    /// and 200,000 rows held to the end would be some 80 MB of a 512 MB budget.
    /// </summary>
    public void ReleaseRows() => _failingRows.Clear();

    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>A path inside the workspace, as it should be shown to the user.</summary>
    public string Display(string relativePath) => WorkspaceLoader.DisplayPath(DisplayRoot, relativePath);
}

using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;
using Evidence.Web.Pages;
using Evidence.Web.Pages.Sources;

namespace Evidence.Web.State;

/// <summary>
/// The current snapshot of the workspace, read again only after the watcher says something changed, or,
/// when "now" is the clock's, once it is a minute old (deadlines pass and evidence goes stale with no file
/// changing): pages cost a lookup, not a load.
/// </summary>
internal sealed class WorkspaceState(ServeOptions options)
{
    /// <summary>How old a clock-driven snapshot may get before the next page judges the workspace again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private WorkspaceSnapshot? _current;
    private long _version;

    /// <summary>The version pages are built from; it grows by one with every change seen on disk.</summary>
    public long Version => Interlocked.Read(ref _version);

    public WorkspaceSnapshot Current
    {
        get
        {
            var snapshot = Volatile.Read(ref _current);
            if (snapshot is not null && Fresh(snapshot))
            {
                return snapshot;
            }

            lock (_gate)
            {
                if (_current is null || !Fresh(_current))
                {
                    Volatile.Write(ref _current, Load(Version));
                }

                return _current!;
            }
        }
    }

    private bool Fresh(WorkspaceSnapshot snapshot) => snapshot.Version == Version && options.Now - snapshot.AsOf < MaxAge;

    /// <summary>Marks the snapshot out of date; the next page reads the workspace again.</summary>
    public long Invalidate() => Interlocked.Increment(ref _version);

    private WorkspaceSnapshot Load(long version)
    {
        // Hashes are checked where evidence is shown (the evidence page marks a tampered file), not here: a
        // tampered file must show as tampered, not take the whole dashboard down.
        var loaded = WorkspaceLoader.Load(options.Workspace, verifyHashes: false);
        var asOf = options.Now;
        var snapshot = new WorkspaceSnapshot(version, loaded, asOf);
        if (loaded.HasErrors)
        {
            return snapshot;
        }

        var evaluation = Evaluator.Evaluate(loaded, asOf);
        return snapshot with
        {
            Evaluation = evaluation,
            Findings = FindingsRegister.Build(loaded, asOf),
            Pending = PendingAttestations.For(loaded, evaluation, loaded.Workspace!.People),
            Sources = SourceGrid.Build(evaluation.Controls, loaded.Workspace.Boundary),
            Freshness = EvidenceFreshness.Of(evaluation.Controls, asOf),
        };
    }
}

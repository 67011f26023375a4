using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>
/// A collector that answers many tasks together: it takes all of its cloud's tasks as a stream, asks the
/// cloud in bulk (a compliance summary per rule, detail only where <see cref="DetailLevel"/> says, an
/// organisation-wide query) and yields one item per task, with the task's id. Items record how they were
/// obtained (<see cref="EvidenceItem.Method"/>); a raw page that answers many items is written once and
/// listed by each. Judgments must come out as the per-task path's would on the same cloud data. Failures
/// follow <see cref="IEvidenceCollector"/>: a failed item per task the cloud could not answer,
/// <see cref="CollectionAbortedException"/> only for what dooms every task.
/// </summary>
public interface IBulkEvidenceCollector : IEvidenceCollector
{
    /// <summary>True when tasks under <paramref name="boundary"/> are answered in bulk at <paramref name="detail"/>; false keeps the per-task path (AWS without an aggregator).</summary>
    bool AnswersInBulk(Workspaces.Boundary boundary, DetailLevel detail);

    /// <summary>
    /// The calls <paramref name="tasks"/> need at most, walking them once without holding them; data-dependent
    /// phases use <paramref name="basis"/>. <see cref="DetailLevel.Auto"/> is resolved here, and
    /// <see cref="CallEstimate.Detail"/> says to what.
    /// </summary>
    CallEstimate Estimate(IEnumerable<CollectionTask> tasks, DetailLevel detail, EstimateBasis basis);

    /// <summary>
    /// Collects <paramref name="tasks"/> (enumerated as often as the plan needs; each pass gives the same tasks
    /// in the same order) at <paramref name="detail"/>, never <see cref="DetailLevel.Auto"/>: the runner resolves it through <see cref="Estimate"/>.
    /// </summary>
    IAsyncEnumerable<EvidenceItem> CollectAllAsync(
        IEnumerable<CollectionTask> tasks, DetailLevel detail, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken);
}

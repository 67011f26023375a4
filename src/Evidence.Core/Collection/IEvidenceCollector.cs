using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>
/// Answers cloud queries. A collector fetches every page of a task, saves each page exactly as
/// received with <see cref="EvidenceRunWriter.WriteRaw"/>, writes the parsed rows with
/// <see cref="EvidenceRunWriter.WriteResults"/>, and returns the item. A query the cloud cannot
/// answer (no such rule, access denied, malformed response, throttled past the retry budget) is
/// returned as a failed item, never thrown. Only a failure that dooms every task (expired or
/// invalid credentials) is thrown, as <see cref="CollectionAbortedException"/>.
/// </summary>
public interface IEvidenceCollector
{
    /// <summary>The name of the cloud it collects from (<see cref="Clouds.CloudDefinition.Name"/>): the progress display groups by it.</summary>
    string Service { get; }

    bool CanCollect(EvidenceQuery query);

    /// <summary>The calls the task would make, one line each, for <c>--dry-run</c>.</summary>
    IEnumerable<string> Describe(CollectionTask task);

    /// <summary>
    /// Checks, before a run is written, what every one of <paramref name="tasks"/> will need, such as
    /// credentials, and throws <see cref="CollectionAbortedException"/> when none could succeed, so that
    /// a run that cannot start leaves nothing behind. Collectors with nothing to check do nothing.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<CollectionTask> tasks, CancellationToken cancellationToken) => Task.CompletedTask;

    Task<EvidenceItem> CollectAsync(CollectionTask task, EvidenceRunWriter writer, ICollectionProgress progress, CancellationToken cancellationToken);
}

using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Resolution;
using Evidence.Core.Store;

namespace Evidence.Core.Collection;

/// <summary>
/// Decides what a collection run fetches: one task per cloud query key and source that any control of
/// the workspace needs, so what is collected is exactly what is judged. Item ids (aws-0001, azure-0001)
/// are numbered over the whole workspace, sorted by query key then source, so they do not depend on
/// filters or on the order work finishes in.
/// </summary>
public static class CollectionPlanner
{
    public static IReadOnlyList<CollectionTask> Plan(LoadedWorkspace loaded, CollectionFilter? filter = null) => [.. Stream(loaded, filter)];

    /// <summary>
    /// The same tasks as <see cref="Plan"/>, in the same order with the same ids, made one query key at a time:
    /// an organisation's 2 million tasks pass through without being held (only one query's sources are).
    /// Each enumeration plans afresh and gives the same tasks.
    /// </summary>
    public static IEnumerable<CollectionTask> Stream(LoadedWorkspace loaded, CollectionFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var workspace = loaded.Workspace ?? throw new InvalidOperationException("Plan needs a workspace whose evidence.yaml loaded.");
        var byKey = loaded.Controls
            .SelectMany(c => c.Queries.Select(q => (Control: c.Id, Query: q)))
            // Ids are numbered per cloud, so a cloud the filter leaves out is not planned at all: planning one cloud
            // of an organisation costs nothing for the others.
            .Where(p => p.Query.Kind.Cloud is { } cloud && (filter is null || filter.Includes(cloud.Name)))
            .GroupBy(p => p.Query.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return Tasks(byKey, workspace.Boundary, filter);
    }

    private static IEnumerable<CollectionTask> Tasks(
        List<IGrouping<string, (string Control, EvidenceQuery Query)>> byKey, Workspaces.Boundary boundary, CollectionFilter? filter)
    {
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in byKey)
        {
            // The first query of the key that reaches a source answers it; every control whose query reaches it owns it.
            var sources = new Dictionary<EvidenceSource, (EvidenceQuery Query, HashSet<string> Owners)>();
            foreach (var (control, query) in group)
            {
                foreach (var source in EvidenceSources.For(query, boundary))
                {
                    if (!sources.TryGetValue(source, out var entry))
                    {
                        sources[source] = entry = (query, new HashSet<string>(StringComparer.Ordinal));
                    }

                    entry.Owners.Add(control);
                }
            }

            foreach (var (source, (query, owners)) in sources.OrderBy(s => SortKey(s.Key), StringComparer.Ordinal))
            {
                var number = counters[source.Cloud] = counters.GetValueOrDefault(source.Cloud) + 1;
                var task = new CollectionTask($"{source.Cloud}-{number:D4}", query, source) { Boundary = boundary };
                if (filter is null || filter.Matches(task, owners))
                {
                    yield return task;
                }
            }
        }
    }

    private static string SortKey(EvidenceSource source) =>
        string.Join('/', source.Cloud, source.Account, source.Region, source.Subscription, source.ManagementGroup);
}

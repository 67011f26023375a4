using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
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
    public static IReadOnlyList<CollectionTask> Plan(LoadedWorkspace loaded, CollectionFilter? filter = null)
    {
        var workspace = loaded.Workspace ?? throw new InvalidOperationException("Plan needs a workspace whose evidence.yaml loaded.");
        var controls = loaded.Controls;
        var pairs = controls
            .SelectMany(c => c.Queries.Select(q => (Control: c.Id, Query: q)))
            .Where(p => p.Query.IsCloud)
            .SelectMany(p => EvidenceSources.For(p.Query, workspace.Boundary).Select(s => (p.Control, p.Query, Source: s)))
            .GroupBy(p => (p.Query.Key, p.Source))
            .Select(g => (g.First().Query, g.Key.Source, Controls: g.Select(x => x.Control).ToHashSet(StringComparer.Ordinal)))
            .OrderBy(p => p.Query.Key, StringComparer.Ordinal)
            .ThenBy(p => SortKey(p.Source), StringComparer.Ordinal)
            .ToList();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var tasks = new List<CollectionTask>();
        foreach (var (query, source, owners) in pairs)
        {
            var number = counters[source.Cloud] = counters.GetValueOrDefault(source.Cloud) + 1;
            var task = new CollectionTask($"{source.Cloud}-{number:D4}", query, source) { Boundary = workspace.Boundary };
            if (filter is null || filter.Matches(task, owners))
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private static string SortKey(EvidenceSource source) =>
        string.Join('/', source.Cloud, source.Account, source.Region, source.Subscription, source.ManagementGroup);
}

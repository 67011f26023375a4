using Evidence.Core.Evaluation;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;
using Evidence.Core.Store;

namespace Evidence.Testing.SampleRun;

/// <summary>
/// Decides which items a full collection of a workspace holds: one per cloud query key and source that
/// any resolved control needs, sorted by query key then source, numbered per cloud (aws-0001, azure-0001).
/// </summary>
internal static class SamplePlanner
{
    public static IReadOnlyList<PlannedItem> Plan(LoadedWorkspace loaded)
    {
        var boundary = (loaded.Workspace ?? throw new InvalidOperationException("the workspace did not load")).Boundary;
        var pairs = ControlResolver.Resolve(loaded)
            .SelectMany(c => c.Queries)
            .Where(q => q.IsCloud)
            .SelectMany(q => EvidenceSources.For(q, boundary).Select(s => (Query: q, Source: s)))
            .DistinctBy(p => (p.Query.Key, p.Source))
            .OrderBy(p => p.Query.Key, StringComparer.Ordinal)
            .ThenBy(p => SortKey(p.Source), StringComparer.Ordinal)
            .ToList();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        return pairs.Select(p =>
        {
            var number = counters[p.Source.Cloud] = counters.GetValueOrDefault(p.Source.Cloud) + 1;
            return new PlannedItem($"{p.Source.Cloud}-{number:D4}", p.Query, p.Source);
        }).ToList();
    }

    private static string SortKey(EvidenceSource source) =>
        string.Join('/', source.Cloud, source.Account, source.Region, source.Subscription, source.ManagementGroup);
}

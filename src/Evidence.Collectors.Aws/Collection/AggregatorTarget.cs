using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Collection;

/// <summary>
/// The aggregator a task collects through: the query's own aggregator name or the boundary's, called in
/// the boundary aggregator's region (or, when the boundary names none, the source's region).
/// </summary>
internal sealed record AggregatorTarget(string Name, string Region)
{
    public static AggregatorTarget? For(CollectionTask task, string? queryAggregator)
    {
        var name = queryAggregator ?? task.Boundary?.Aws?.Aggregator?.Name;
        return name is null ? null : new AggregatorTarget(name, task.Boundary?.Aws?.Aggregator?.Region ?? task.Source.Region!);
    }
}

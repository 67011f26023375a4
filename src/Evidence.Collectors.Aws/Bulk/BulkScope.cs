using Evidence.Collectors.Aws.Collection;
using Evidence.Collectors.Aws.Definitions;
using Evidence.Core.Collection;

namespace Evidence.Collectors.Aws.Bulk;

/// <summary>
/// Which tasks the bulk plan answers: rule queries read through the boundary's aggregator. Advanced
/// queries, rule queries naming an aggregator of their own, and boundaries without an aggregator (read
/// account by account with that account's credentials, small by nature) keep the per-task path.
/// </summary>
internal static class BulkScope
{
    public static AggregatorTarget? Of(CollectionTask task) =>
        task.Query is AwsConfigRuleQuery { Aggregator: null } query && task.Boundary?.Aws?.Aggregator is not null
            ? AggregatorTarget.For(task, query.Aggregator)
            : null;

    /// <summary>The account and region a task reads.</summary>
    public static (string Account, string Region) SourceOf(CollectionTask task) => (task.Source.Account!, task.Source.Region!);
}

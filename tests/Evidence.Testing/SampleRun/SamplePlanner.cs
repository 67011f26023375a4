using Evidence.Core.Collection;
using Evidence.Core.Loading;

namespace Evidence.Testing.SampleRun;

/// <summary>The items a full collection of a workspace holds: exactly the collection planner's tasks.</summary>
internal static class SamplePlanner
{
    public static IReadOnlyList<PlannedItem> Plan(LoadedWorkspace loaded) =>
        CollectionPlanner.Plan(loaded).Select(t => new PlannedItem(t.ItemId, t.Query, t.Source)).ToList();
}

namespace Evidence.Core.Collection;

/// <summary>
/// Which part of the plan to run: the clouds named (by <see cref="Clouds.CloudDefinition.Name"/>; none
/// means every cloud) and <c>--only CITATION...</c>.
/// </summary>
public sealed record CollectionFilter(IReadOnlySet<string> Clouds, IReadOnlyList<string> Citations)
{
    public bool Matches(CollectionTask task, IReadOnlySet<string> controls) =>
        (Clouds.Count == 0 || Clouds.Contains(task.Source.Cloud)) && (Citations.Count == 0 || Citations.Any(controls.Contains));
}

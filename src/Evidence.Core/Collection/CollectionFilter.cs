namespace Evidence.Core.Collection;

/// <summary>
/// Which part of the plan to run: the clouds named (by <see cref="Clouds.CloudDefinition.Name"/>; none
/// means every cloud) and <c>--only CITATION...</c>.
/// </summary>
public sealed record CollectionFilter(IReadOnlySet<string> Clouds, IReadOnlyList<string> Citations)
{
    public bool Matches(CollectionTask task, IReadOnlySet<string> controls) =>
        Includes(task.Source.Cloud) && (Citations.Count == 0 || Citations.Any(controls.Contains));

    /// <summary>True when <paramref name="cloud"/>'s tasks are in this part of the plan.</summary>
    public bool Includes(string cloud) => Clouds.Count == 0 || Clouds.Contains(cloud);

    /// <summary>This part of the plan narrowed to <paramref name="cloud"/>'s tasks; null when it has none of them.</summary>
    public CollectionFilter? Within(string cloud) => Includes(cloud) ? this with { Clouds = new HashSet<string>(StringComparer.Ordinal) { cloud } } : null;
}

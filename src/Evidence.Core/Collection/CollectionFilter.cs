namespace Evidence.Core.Collection;

/// <summary>Which part of the plan to run: <c>--aws</c>, <c>--azure</c> (neither means both) and <c>--only CITATION...</c>.</summary>
public sealed record CollectionFilter(bool Aws, bool Azure, IReadOnlyList<string> Citations)
{
    public bool Matches(CollectionTask task, IReadOnlySet<string> controls)
    {
        var clouds = Aws || Azure;
        var cloudMatches = !clouds || (Aws && task.Source.Cloud == "aws") || (Azure && task.Source.Cloud == "azure");
        return cloudMatches && (Citations.Count == 0 || Citations.Any(controls.Contains));
    }
}

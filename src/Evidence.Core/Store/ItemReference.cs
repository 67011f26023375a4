namespace Evidence.Core.Store;

/// <summary>Names one evidence item: the run that holds it and its id in that run's manifest.</summary>
public sealed record ItemReference(string RunId, string Id)
{
    public static ItemReference Of(EvidenceItem item) => new(item.RunId, item.Id);
}

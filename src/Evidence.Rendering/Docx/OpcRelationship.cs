namespace Evidence.Rendering.Docx;

/// <summary>A relationship from a part (or the package) to another part or to an external URL.</summary>
internal sealed record OpcRelationship(string Id, string Type, string Target)
{
    public bool External { get; init; }
}

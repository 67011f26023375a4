namespace Evidence.Rendering.Model;

/// <summary>What is in scope: the boundary prose, AWS accounts and regions, Azure subscriptions and management groups.</summary>
public sealed record BoundaryModel
{
    public string? Description { get; init; }

    /// <summary>Null when the boundary has no AWS part.</summary>
    public AwsBoundaryModel? Aws { get; init; }

    /// <summary>Null when the boundary has no Azure part.</summary>
    public AzureBoundaryModel? Azure { get; init; }
}

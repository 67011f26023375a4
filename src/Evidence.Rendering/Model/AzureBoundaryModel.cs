namespace Evidence.Rendering.Model;

/// <summary>The Azure subscriptions and management groups in scope.</summary>
public sealed record AzureBoundaryModel
{
    public required string Cloud { get; init; }

    public IReadOnlyList<AzureSubscriptionModel> Subscriptions { get; init; } = [];

    public IReadOnlyList<string> ManagementGroups { get; init; } = [];
}

namespace Evidence.Rendering.Model;

/// <summary>An Azure subscription in scope.</summary>
public sealed record AzureSubscriptionModel(string Id, string? Name);

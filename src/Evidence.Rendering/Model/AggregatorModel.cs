namespace Evidence.Rendering.Model;

/// <summary>An AWS Config aggregator for organization-wide evidence.</summary>
public sealed record AggregatorModel(string Name, string Account, string Region);

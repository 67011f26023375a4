namespace Evidence.Rendering.Model;

/// <summary>The AWS accounts (with regions) in scope, and the organization aggregator if one is used.</summary>
public sealed record AwsBoundaryModel
{
    public IReadOnlyList<AwsAccountModel> Accounts { get; init; } = [];

    /// <summary>Null when evidence is collected account by account.</summary>
    public AggregatorModel? Aggregator { get; init; }
}

using Evidence.Core.Diagnostics;

namespace Evidence.Core.Workspaces;

/// <summary>What is in scope: the AWS accounts and Azure subscriptions that hold or touch ePHI.</summary>
public sealed record Boundary(string? Description, AwsBoundary? Aws, AzureBoundary? Azure);

/// <summary>The AWS part of the boundary.</summary>
public sealed record AwsBoundary(AwsAggregator? Aggregator, IReadOnlyList<AwsAccount> Accounts);

/// <summary>An AWS account and the regions in scope.</summary>
public sealed record AwsAccount(string Id, string? Name, IReadOnlyList<string> Regions, SourceLocation Location);

/// <summary>An AWS Config aggregator for organization-wide collection.</summary>
public sealed record AwsAggregator(string Name, string Account, string Region, SourceLocation Location);

/// <summary>The Azure part of the boundary.</summary>
public sealed record AzureBoundary(
    string Cloud,
    IReadOnlyList<AzureSubscription> Subscriptions,
    IReadOnlyList<string> ManagementGroups);

/// <summary>An Azure subscription in scope.</summary>
public sealed record AzureSubscription(string Id, string? Name, SourceLocation Location);

using Evidence.Core.Diagnostics;
using Evidence.Core.Workspaces;

namespace Evidence.Collectors.Aws.Definitions;

/// <summary>The AWS part of the boundary.</summary>
public sealed record AwsBoundary(AwsAggregator? Aggregator, IReadOnlyList<AwsAccount> Accounts) : CloudBoundary;

/// <summary>An AWS account and the regions in scope.</summary>
public sealed record AwsAccount(string Id, string? Name, IReadOnlyList<string> Regions, SourceLocation Location);

/// <summary>An AWS Config aggregator for organization-wide collection.</summary>
public sealed record AwsAggregator(string Name, string Account, string Region, SourceLocation Location);

/// <summary><c>boundary.Aws</c>: the AWS part of a boundary, or null when AWS is not in scope.</summary>
public static class AwsBoundaryExtensions
{
    extension(Boundary boundary)
    {
        public AwsBoundary? Aws => boundary.Of<AwsBoundary>();
    }
}

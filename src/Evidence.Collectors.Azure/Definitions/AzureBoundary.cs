using Evidence.Core.Diagnostics;
using Evidence.Core.Workspaces;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary>The Azure part of the boundary.</summary>
public sealed record AzureBoundary(
    string Cloud,
    IReadOnlyList<AzureSubscription> Subscriptions,
    IReadOnlyList<string> ManagementGroups) : CloudBoundary;

/// <summary>An Azure subscription in scope.</summary>
public sealed record AzureSubscription(string Id, string? Name, SourceLocation Location);

/// <summary><c>boundary.Azure</c>: the Azure part of a boundary, or null when Azure is not in scope.</summary>
public static class AzureBoundaryExtensions
{
    extension(Boundary boundary)
    {
        public AzureBoundary? Azure => boundary.Of<AzureBoundary>();
    }
}

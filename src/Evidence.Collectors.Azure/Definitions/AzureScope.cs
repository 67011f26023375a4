using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Validation;
using Evidence.Core.Workspaces;

namespace Evidence.Collectors.Azure.Definitions;

/// <summary>Where an Azure query looks: its own scopes, or every subscription (else management group) of the boundary.</summary>
internal static class AzureScope
{
    public static IEnumerable<EvidenceSource> Sources(Boundary boundary, IReadOnlyList<string> scopes)
    {
        if (scopes.Count > 0)
        {
            return scopes.Select(s => Guid.TryParse(s, out _) ? AzureCloud.Subscription(s.ToLowerInvariant()) : AzureCloud.ManagementGroup(s));
        }

        var azure = boundary.Azure;
        if (azure is null)
        {
            return [];
        }

        return azure.Subscriptions.Count > 0
            ? azure.Subscriptions.Select(s => AzureCloud.Subscription(s.Id))
            : azure.ManagementGroups.Select(AzureCloud.ManagementGroup);
    }

    public static IEnumerable<Diagnostic> Check(Boundary boundary, IReadOnlyList<string> scopes, EvidenceQuery query)
    {
        if (boundary.Azure is not { } azure)
        {
            return [Problems.Error(query.Location, $"{query.Describe()} needs Azure in the boundary; add 'boundary.azure' to evidence.yaml")];
        }

        var subscriptions = azure.Subscriptions.Select(s => s.Id).ToList();
        return scopes.Where(s => AzureIds.IsGuid(s) && !subscriptions.Contains(s.ToLowerInvariant()))
            .Select(s => Problems.Error(query.Location, $"subscription {s} is not in the boundary"))
            .ToList();
    }
}

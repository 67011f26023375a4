using Evidence.Core.Queries;
using Evidence.Core.Store;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>
/// Where a cloud query's evidence must come from: each AWS account and region, the organization
/// aggregator, or each Azure subscription or management group. Collection and judgment both use
/// this, so what is collected is exactly what is judged.
/// </summary>
public static class EvidenceSources
{
    /// <summary>The sources <paramref name="query"/> must have evidence from; none for documents and attestations.</summary>
    public static IEnumerable<EvidenceSource> For(EvidenceQuery query, Boundary boundary)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(boundary);
        switch (query)
        {
            case AwsConfigAdvancedQuery q when (q.Aggregator is not null || boundary.Aws?.Aggregator is not null) && q.Accounts.Count == 0:
                var aggregator = boundary.Aws?.Aggregator;
                return aggregator is null ? [] : [EvidenceSource.Aws(aggregator.Account, aggregator.Region)];
            case AwsConfigRuleQuery q:
                return AwsSources(boundary, q.Accounts, q.Regions);
            case AwsConfigAdvancedQuery q:
                return AwsSources(boundary, q.Accounts, q.Regions);
            case AzurePolicyQuery q:
                return AzureSources(boundary, q.Scopes);
            case AzureResourceGraphQuery q:
                return AzureSources(boundary, q.Scopes);
            default:
                return [];
        }
    }

    private static IEnumerable<EvidenceSource> AwsSources(Boundary boundary, IReadOnlyList<string> accounts, IReadOnlyList<string> regions) =>
        (boundary.Aws?.Accounts ?? [])
            .Where(a => accounts.Count == 0 || accounts.Contains(a.Id))
            .SelectMany(a => a.Regions.Where(r => regions.Count == 0 || regions.Contains(r)).Select(r => EvidenceSource.Aws(a.Id, r)));

    private static IEnumerable<EvidenceSource> AzureSources(Boundary boundary, IReadOnlyList<string> scopes)
    {
        if (scopes.Count > 0)
        {
            return scopes.Select(s => Guid.TryParse(s, out _) ? EvidenceSource.Azure(s.ToLowerInvariant()) : EvidenceSource.AzureManagementGroup(s));
        }

        var azure = boundary.Azure;
        if (azure is null)
        {
            return [];
        }

        return azure.Subscriptions.Count > 0
            ? azure.Subscriptions.Select(s => EvidenceSource.Azure(s.Id))
            : azure.ManagementGroups.Select(EvidenceSource.AzureManagementGroup);
    }
}

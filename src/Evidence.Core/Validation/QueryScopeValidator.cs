using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Validation;

/// <summary>Workspace queries stay inside the boundary and name the control's own expected artifacts.</summary>
internal sealed class QueryScopeValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var boundary = loaded.Workspace!.Boundary;
        foreach (var overlay in loaded.Overlays)
        {
            var control = loaded.Catalog.Find(overlay.Control.Value);
            foreach (var query in overlay.Evidence)
            {
                var problems = query switch
                {
                    AwsConfigRuleQuery q => CheckAws(boundary, q.Accounts, q.Regions, query),
                    AwsConfigAdvancedQuery q => CheckAws(boundary, q.Accounts, q.Regions, query),
                    AzurePolicyQuery q => CheckAzure(boundary, q.Scopes, query),
                    AzureResourceGraphQuery q => CheckAzure(boundary, q.Scopes, query),
                    ManualQuery { Artifact: { } artifact } manual when control is not null &&
                        control.ExpectedArtifacts.All(a => a.Id != artifact) =>
                        [Problems.Error(manual.ArtifactLocation, $"'{artifact}' is not an expected artifact of {control.Id}{ArtifactHint(control, artifact)}")],
                    _ => [],
                };
                foreach (var problem in problems)
                {
                    yield return problem;
                }
            }
        }
    }

    private static string ArtifactHint(Catalog.CatalogControl control, string artifact) =>
        control.ExpectedArtifacts.Count == 0
            ? "; it expects none, so leave 'artifact' out"
            : Suggestions.DidYouMean(artifact, control.ExpectedArtifacts.Select(a => a.Id)) +
              $"; it expects: {string.Join(", ", control.ExpectedArtifacts.Select(a => a.Id))}";

    private static List<Diagnostic> CheckAws(Boundary boundary, IReadOnlyList<string> accounts, IReadOnlyList<string> regions, EvidenceQuery query)
    {
        if (boundary.Aws is null)
        {
            return [Problems.Error(query.Location, $"{query.Describe()} needs AWS in the boundary; add 'boundary.aws' to evidence.yaml")];
        }

        var known = boundary.Aws.Accounts.Select(a => a.Id).ToList();
        var knownRegions = boundary.Aws.Accounts.SelectMany(a => a.Regions).Distinct().ToList();
        return accounts.Where(a => !known.Contains(a))
            .Select(a => Problems.Error(query.Location, $"account {a} is not in the boundary{Suggestions.DidYouMean(a, known)}"))
            .Concat(regions.Where(r => !knownRegions.Contains(r))
                .Select(r => Problems.Error(query.Location, $"region {r} is not in any boundary account{Suggestions.DidYouMean(r, knownRegions)}")))
            .ToList();
    }

    private static List<Diagnostic> CheckAzure(Boundary boundary, IReadOnlyList<string> scopes, EvidenceQuery query)
    {
        if (boundary.Azure is null)
        {
            return [Problems.Error(query.Location, $"{query.Describe()} needs Azure in the boundary; add 'boundary.azure' to evidence.yaml")];
        }

        var subscriptions = boundary.Azure.Subscriptions.Select(s => s.Id).ToList();
        return scopes.Where(s => CloudIds.IsGuid(s) && !subscriptions.Contains(s.ToLowerInvariant()))
            .Select(s => Problems.Error(query.Location, $"subscription {s} is not in the boundary"))
            .ToList();
    }
}

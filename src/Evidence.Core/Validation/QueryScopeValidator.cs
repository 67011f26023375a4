using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Queries;

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
                    ManualQuery { Artifact: { } artifact } manual when control is not null &&
                        control.ExpectedArtifacts.All(a => a.Id != artifact) =>
                        [Problems.Error(manual.ArtifactLocation, $"'{artifact}' is not an expected artifact of {control.Id}{ArtifactHint(control, artifact)}")],
                    _ => query.Kind.CheckScope(query, boundary),
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
}

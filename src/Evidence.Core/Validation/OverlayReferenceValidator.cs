using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;

namespace Evidence.Core.Validation;

/// <summary>Overlays name real controls, owners, deciders and default queries.</summary>
internal sealed class OverlayReferenceValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var catalog = loaded.Catalog;
        var people = workspace.People.Select(p => p.Id).ToList();
        var owners = people.Concat(catalog.Roles.Select(r => r.Id)).ToList();
        foreach (var overlay in loaded.Overlays)
        {
            var control = catalog.Find(overlay.Control.Value);
            if (control is null)
            {
                yield return Problems.Error(overlay.Control.Location, $"there is no control {overlay.Control.Value} in the catalog{Suggestions.DidYouMean(overlay.Control.Value, catalog.Ids)}");
                continue;
            }

            if (overlay.Owner is { } owner && !owners.Contains(owner.Value))
            {
                yield return Problems.Error(owner.Location, $"owner '{owner.Value}' is neither a person nor a role{Suggestions.DidYouMean(owner.Value, owners)}");
            }

            if (overlay.Decision?.DecidedBy is { } decider && !people.Contains(decider.Value))
            {
                yield return Problems.Error(decider.Location, $"decided_by '{decider.Value}' is not a person in evidence.yaml{Suggestions.DidYouMean(decider.Value, people)}");
            }

            var defaults = catalog.DefaultQueries(control).Select(q => q.Key)
                .Concat(control.ExpectedArtifacts.Select(a => ControlResolver.ArtifactKey(a.Id))).ToList();
            foreach (var exclusion in overlay.Exclusions.Where(e => !defaults.Contains(e.Query.Value)))
            {
                yield return Problems.Error(exclusion.Query.Location, $"'{exclusion.Query.Value}' is not a default query or expected artifact of {control.Id}{Suggestions.DidYouMean(exclusion.Query.Value, defaults)}; 'evidence controls show {control.Id}' lists them");
            }
        }
    }
}

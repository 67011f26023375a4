using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>
/// The catalog's shared-responsibility matrix, when it has one, covers every control once, names only
/// catalog citations, and cites only sources it lists.
/// </summary>
internal sealed class SharedResponsibilityValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var catalog = loaded.Catalog;
        var matrix = catalog.Responsibility;
        if (matrix.IsEmpty)
        {
            yield break;
        }

        var ids = catalog.Ids.ToList();
        var sources = matrix.Sources.Select(s => s.Id).ToList();
        foreach (var d in Problems.Duplicates(matrix.Entries, e => e.Citation.Value, e => e.Citation.Location, (e, first) => $"{e.Citation.Value} has two shared-responsibility entries (first at {first}); keep one", Problems.CatalogError))
        {
            yield return d;
        }

        foreach (var d in Problems.Duplicates(matrix.Sources, s => s.Id, s => s.Location, (s, first) => $"source '{s.Id}' is listed twice (first at {first})", Problems.CatalogError))
        {
            yield return d;
        }

        foreach (var entry in matrix.Entries)
        {
            if (catalog.Find(entry.Citation.Value) is null)
            {
                yield return Problems.CatalogError(entry.Citation.Location, $"{entry.Citation.Value} is not a control in the catalog{Suggestions.DidYouMean(entry.Citation.Value, ids)}");
            }

            foreach (var source in entry.Sources.Where(s => !sources.Contains(s.Value)))
            {
                yield return Problems.CatalogError(source.Location, $"source '{source.Value}' is not listed under 'sources'{Suggestions.DidYouMean(source.Value, sources)}");
            }
        }

        foreach (var control in catalog.Controls.Where(c => matrix.For(c.Id) is null))
        {
            yield return Problems.CatalogError(matrix.Location, $"{control.Id} ({control.Title}) has no shared-responsibility entry; add one under 'responsibilities' saying what the provider covers and what the customer does");
        }
    }
}

using Evidence.Core.Catalog;
using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>The catalog is consistent: parents exist, designations follow the rule's structure, mappings cite real controls.</summary>
internal sealed class CatalogIntegrityValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var catalog = loaded.Catalog;
        var roles = catalog.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var d in Problems.Duplicates(catalog.Controls, c => c.Id, c => c.Location, (c, first) => $"control {c.Id} is defined twice (first at {first})", Problems.CatalogError))
        {
            yield return d;
        }

        foreach (var d in Problems.Duplicates(catalog.Controls.SelectMany(c => c.ExpectedArtifacts), a => a.Id, a => a.Location, (a, first) => $"expected artifact id '{a.Id}' is used twice (first at {first})", Problems.CatalogError))
        {
            yield return d;
        }

        foreach (var d in Problems.Duplicates(catalog.Roles, r => r.Id, r => r.Location, (r, first) => $"role '{r.Id}' is defined twice (first at {first})", Problems.CatalogError))
        {
            yield return d;
        }

        foreach (var d in Problems.Duplicates(catalog.Mappings, m => m.Query.Key, m => m.Location, (m, first) => $"{m.Query.Describe()} is mapped twice (first at {first})", Problems.CatalogError))
        {
            yield return d;
        }

        foreach (var control in catalog.Controls)
        {
            if (control.Parent is { } parent && catalog.Find(parent)?.IsStandard != true)
            {
                yield return Problems.CatalogError(control.Location, $"parent '{parent}' of {control.Id} is not a standard in the catalog");
            }

            var hasChildren = catalog.ChildrenOf(control.Id).Count > 0;
            if (hasChildren && control.Designation is not null)
            {
                yield return Problems.CatalogError(control.Location, $"standard {control.Id} has specifications, so it takes no designation: it rolls up from them");
            }

            if (!hasChildren && control.Designation is null)
            {
                yield return Problems.CatalogError(control.Location, $"{control.Id} needs 'designation': required or addressable");
            }

            if (!roles.Contains(control.OwnerRole))
            {
                yield return Problems.CatalogError(control.Location, $"owner_role '{control.OwnerRole}' of {control.Id} is not in roles.yaml{Suggestions.DidYouMean(control.OwnerRole, roles)}");
            }
        }

        foreach (var mapping in catalog.Mappings)
        {
            foreach (var citation in mapping.Citations.Select(c => c.Citation).Where(c => Citation.IsValid(c.Value) && catalog.Find(c.Value) is null))
            {
                yield return Problems.CatalogError(citation.Location, $"{mapping.Query.Describe()} cites {citation.Value}, which is not in the catalog{Suggestions.DidYouMean(citation.Value, catalog.Ids)}");
            }
        }
    }
}

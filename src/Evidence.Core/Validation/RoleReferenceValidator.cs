using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>Every role mapped in <c>evidence.yaml</c> is a catalog role, and every person it names exists.</summary>
internal sealed class RoleReferenceValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var roleIds = loaded.Catalog.Roles.Select(r => r.Id).ToList();
        var people = workspace.People.Select(p => p.Id).ToList();
        foreach (var assignment in workspace.Roles)
        {
            if (!roleIds.Contains(assignment.Role))
            {
                yield return Problems.Error(assignment.Location, $"unknown role '{assignment.Role}'{Suggestions.DidYouMean(assignment.Role, roleIds)}; the catalog's roles are: {string.Join(", ", roleIds)}");
            }

            foreach (var person in assignment.People.Where(p => !people.Contains(p.Value)))
            {
                yield return Problems.Error(person.Location, $"unknown person '{person.Value}' in role '{assignment.Role}'{Suggestions.DidYouMean(person.Value, people)}; add them under 'people'");
            }
        }
    }
}

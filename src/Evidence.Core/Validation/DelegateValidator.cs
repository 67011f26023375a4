using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;

namespace Evidence.Core.Validation;

/// <summary>Each delegate in <c>settings.delegates</c> is a person, acts for a person or a catalog role, and not for themselves.</summary>
internal sealed class DelegateValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var people = workspace.People.Select(p => p.Id).ToList();
        var roles = loaded.Catalog.Roles.Select(r => r.Id).ToList();
        foreach (var delegation in workspace.Settings.Delegates)
        {
            if (!people.Contains(delegation.Person.Value))
            {
                yield return Problems.Error(delegation.Person.Location, $"delegate '{delegation.Person.Value}' is not a person in evidence.yaml{Suggestions.DidYouMean(delegation.Person.Value, people)}; add them under 'people'");
            }

            if (!people.Contains(delegation.For.Value) && !roles.Contains(delegation.For.Value))
            {
                yield return Problems.Error(delegation.For.Location, $"delegate for '{delegation.For.Value}': there is no person or role with that id{Suggestions.DidYouMean(delegation.For.Value, people.Concat(roles))}");
            }
            else if (delegation.For.Value == delegation.Person.Value)
            {
                yield return Problems.Error(delegation.For.Location, $"{delegation.Person.Value} is named as their own delegate; a delegate acts for someone else");
            }
        }
    }
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Loading;
using Evidence.Core.Resolution;

namespace Evidence.Core.Validation;

/// <summary>Every control resolves to at least one person who answers for it.</summary>
internal sealed class ControlOwnerValidator : IWorkspaceValidator
{
    public IEnumerable<Diagnostic> Validate(LoadedWorkspace loaded)
    {
        var workspace = loaded.Workspace!;
        var roleIds = loaded.Catalog.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unowned = loaded.Controls.Where(c => c.Owners.Count == 0).ToList();

        // Controls that fall back to an unmapped catalog role are reported once per role, at 'roles:'.
        foreach (var group in unowned.Where(c => c.Overlay?.Owner is null).GroupBy(c => c.OwnerRef, StringComparer.Ordinal))
        {
            var ids = group.Select(c => c.Id).ToList();
            var list = ids.Count > 4 ? $"{string.Join(", ", ids.Take(4))} and {ids.Count - 4} more" : string.Join(", ", ids);
            var at = workspace.FindRole(group.Key)?.Location ?? workspace.RolesLocation;
            yield return Problems.Error(at, $"no one owns {list}: map role '{group.Key}' to at least one person under 'roles', or set 'owner' in an overlay");
        }

        foreach (var control in unowned.Where(c => c.Overlay?.Owner is { } o && roleIds.Contains(o.Value)))
        {
            yield return Problems.Error(control.Overlay!.Owner!.Value.Location, $"no one owns {control.Id}: role '{control.OwnerRef}' is mapped to no person under 'roles'");
        }
    }
}

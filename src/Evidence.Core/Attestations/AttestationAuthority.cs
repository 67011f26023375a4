using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Attestations;

/// <summary>
/// Who may attest a control: its owner, a person in its owning role (the workspace's or the catalog's),
/// or a delegate named in <c>settings.delegates</c> for one of those, while the delegation lasts.
/// </summary>
public static class AttestationAuthority
{
    /// <summary>Why <paramref name="personId"/> may attest <paramref name="control"/> at <paramref name="at"/>, or null when they may not.</summary>
    public static string? Grounds(ResolvedControl control, Workspace workspace, string personId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(workspace);
        if (OwnsOrHoldsRole(control, workspace, personId) is { } own)
        {
            return own;
        }

        var delegation = workspace.Settings.Delegates.FirstOrDefault(d =>
            d.Person.Value == personId && (d.Until is null || at < d.Until) && Covers(control, workspace, d.For.Value));
        return delegation is null ? null : $"delegate of {delegation.For.Value}";
    }

    /// <summary>The sentence that refuses a stranger, naming who may attest instead.</summary>
    public static string Refusal(ResolvedControl control, Workspace workspace, string personId)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(workspace);
        var allowed = Allowed(control, workspace);
        var delegates = workspace.Settings.Delegates.Where(d => Covers(control, workspace, d.For.Value)).Select(d => d.Person.Value).Distinct().ToList();
        var others = delegates.Count == 0 ? string.Empty : $"; delegates: {string.Join(", ", delegates)}";
        return $"{personId} may not attest {control.Id}: only its owner ({control.OwnerRef}), a person in its owning role ({string.Join(", ", allowed)}) or a delegate named in evidence.yaml may{others}";
    }

    /// <summary>The people who may attest as owner or role holder, in workspace order.</summary>
    public static IReadOnlyList<string> Allowed(ResolvedControl control, Workspace workspace)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.People.Select(p => p.Id).Where(id => OwnsOrHoldsRole(control, workspace, id) is not null).ToList();
    }

    private static string? OwnsOrHoldsRole(ResolvedControl control, Workspace workspace, string personId)
    {
        if (control.OwnerRef == personId)
        {
            return "owner";
        }

        if (control.Owners.Any(p => p.Id == personId))
        {
            return $"in role {control.OwnerRef}";
        }

        return InRole(workspace, control.Control.OwnerRole, personId) ? $"in role {control.Control.OwnerRole}" : null;
    }

    /// <summary>True when a delegation for a person or role id reaches this control.</summary>
    private static bool Covers(ResolvedControl control, Workspace workspace, string forId) =>
        workspace.FindPerson(forId) is not null
            ? OwnsOrHoldsRole(control, workspace, forId) is not null
            : control.OwnerRef == forId || control.Control.OwnerRole == forId;

    private static bool InRole(Workspace workspace, string roleId, string personId) =>
        workspace.FindRole(roleId)?.People.Any(p => p.Value == personId) ?? false;
}

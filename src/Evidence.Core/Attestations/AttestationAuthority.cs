using Evidence.Core.Resolution;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Attestations;

/// <summary>
/// Who may attest a control: its owner (a person), a person in its owning role (when a role owns it),
/// or a delegate named in <c>settings.delegates</c> for one of those, while the delegation lasts.
/// </summary>
public static class AttestationAuthority
{
    /// <summary>Why <paramref name="personId"/> may attest <paramref name="control"/> at <paramref name="at"/>, or null when they may not.</summary>
    public static string? Grounds(ResolvedControl control, Workspace workspace, string personId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(workspace);
        if (OwnsOrHoldsRole(control, personId) is { } own)
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
        var owners = workspace.FindPerson(control.OwnerRef) is not null
            ? $"its owner ({control.OwnerRef})"
            : $"a person in its owning role {control.OwnerRef} ({(control.Owners.Count == 0 ? "nobody holds it" : string.Join(", ", control.Owners.Select(p => p.Id)))})";
        var delegates = workspace.Settings.Delegates.Where(d => Covers(control, workspace, d.For.Value)).Select(d => d.Person.Value).Distinct().ToList();
        var named = delegates.Count == 0 ? "a delegate named in evidence.yaml (settings.delegates)" : $"a delegate named in evidence.yaml ({string.Join(", ", delegates)})";
        return $"{personId} may not attest {control.Id}: only {owners} or {named} may";
    }

    private static string? OwnsOrHoldsRole(ResolvedControl control, string personId)
    {
        if (control.OwnerRef == personId)
        {
            return "owner";
        }

        return control.Owners.Any(p => p.Id == personId) ? $"in role {control.OwnerRef}" : null;
    }

    /// <summary>True when a delegation for a person or role id reaches this control.</summary>
    private static bool Covers(ResolvedControl control, Workspace workspace, string forId) =>
        workspace.FindPerson(forId) is not null ? OwnsOrHoldsRole(control, forId) is not null : control.OwnerRef == forId;
}

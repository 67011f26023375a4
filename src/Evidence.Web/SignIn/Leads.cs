using Evidence.Core.Workspaces;

namespace Evidence.Web.SignIn;

/// <summary>
/// Who is a compliance lead: a person in one of the lead roles (<c>--lead-role</c>, by default
/// <c>compliance-lead</c>) of evidence.yaml's <c>roles:</c>. Leads see every owner, send reminders and revoke
/// links; everyone else is a control owner who sees their own controls.
/// </summary>
internal static class Leads
{
    public const string DefaultRole = "compliance-lead";

    public static bool IsLead(Workspace? workspace, IReadOnlyList<string> leadRoles, string? personId) =>
        workspace is not null && personId is not null
        && workspace.Roles.Any(r => leadRoles.Contains(r.Role, StringComparer.Ordinal) && r.People.Any(p => p.Value == personId));
}

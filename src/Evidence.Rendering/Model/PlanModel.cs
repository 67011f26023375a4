namespace Evidence.Rendering.Model;

/// <summary>
/// What only the System Security Plan prints: its approval and revision history, the system's
/// interconnections, business associates and diagrams, and the shared-responsibility matrix.
/// Templates read it as <c>plan.system_owner</c>, <c>plan.revisions</c>, <c>plan.interconnections</c>.
/// </summary>
public sealed record PlanModel
{
    /// <summary>The system owner as "Name, Title"; null when the workspace names none.</summary>
    public string? SystemOwner { get; init; }

    /// <summary>The security officials (the security-officer role) as "Name, Title".</summary>
    public IReadOnlyList<string> SecurityOfficials { get; init; } = [];

    /// <summary>Who approved the plan, as "Name, Title"; null when not approved.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>The approval date, <c>2026-11-14</c>; null when not approved.</summary>
    public string? ApprovedOn { get; init; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<RevisionModel> Revisions { get; init; } = [];

    public IReadOnlyList<InterconnectionModel> Interconnections { get; init; } = [];

    public IReadOnlyList<BusinessAssociateModel> BusinessAssociates { get; init; } = [];

    /// <summary>The architecture and data-flow diagrams, in the order the workspace lists them.</summary>
    public IReadOnlyList<DiagramModel> Diagrams { get; init; } = [];

    /// <summary>The shared-responsibility matrix for the clouds in the boundary.</summary>
    public ResponsibilityModel Responsibility { get; init; } = new();
}

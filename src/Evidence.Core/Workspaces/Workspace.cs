using Evidence.Core.Diagnostics;

namespace Evidence.Core.Workspaces;

/// <summary>The contents of a workspace's <c>evidence.yaml</c>.</summary>
public sealed record Workspace
{
    /// <summary>The workspace folder on disk.</summary>
    public required string Root { get; init; }

    /// <summary>The catalog reference: <c>builtin</c> or a folder path.</summary>
    public required string Catalog { get; init; }

    public required SystemProfile System { get; init; }

    public required Boundary Boundary { get; init; }

    public IReadOnlyList<Person> People { get; init; } = [];

    public IReadOnlyList<RoleAssignment> Roles { get; init; } = [];

    public required WorkspaceSettings Settings { get; init; }

    /// <summary>How <c>evidence serve</c> runs (<c>serve:</c>): its OpenID Connect provider.</summary>
    public ServeSettings Serve { get; init; } = ServeSettings.None;

    /// <summary>The plan's owner, approval and revision history; null when <c>plan:</c> is absent.</summary>
    public SecurityPlan? Plan { get; init; }

    public IReadOnlyList<Interconnection> Interconnections { get; init; } = [];

    public IReadOnlyList<BusinessAssociate> BusinessAssociates { get; init; } = [];

    /// <summary>The architecture and data-flow diagrams the plan shows, in order (<c>diagrams:</c>).</summary>
    public IReadOnlyList<Diagram> Diagrams { get; init; } = [];

    public required SourceLocation Location { get; init; }

    /// <summary>The <c>roles:</c> key, where a missing role mapping is reported.</summary>
    public SourceLocation RolesLocation { get; init; }

    public Person? FindPerson(string id) => People.FirstOrDefault(p => p.Id == id);

    public RoleAssignment? FindRole(string id) => Roles.FirstOrDefault(r => r.Role == id);
}

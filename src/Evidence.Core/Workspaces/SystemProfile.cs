namespace Evidence.Core.Workspaces;

/// <summary>The system the plan describes.</summary>
public sealed record SystemProfile(
    string Id,
    string Name,
    string Organization,
    string? Version,
    string Description,
    string? Phi,
    bool MultiTenant);

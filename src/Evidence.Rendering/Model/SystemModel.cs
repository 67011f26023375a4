namespace Evidence.Rendering.Model;

/// <summary>The system profile from <c>evidence.yaml</c>.</summary>
public sealed record SystemModel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Organization { get; init; }

    /// <summary>The version of the security plan; null when the workspace gives none.</summary>
    public string? Version { get; init; }

    public required string Description { get; init; }

    /// <summary>The kinds of ePHI the system handles; null when not given.</summary>
    public string? Phi { get; init; }

    public bool MultiTenant { get; init; }
}

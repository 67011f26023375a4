namespace Evidence.Rendering.Model;

/// <summary>A catalog role and who holds it in this workspace.</summary>
public sealed record RoleModel
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    /// <summary>Names of the people who hold the role; empty when nobody does.</summary>
    public IReadOnlyList<string> People { get; init; } = [];
}

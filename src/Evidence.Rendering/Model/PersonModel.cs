namespace Evidence.Rendering.Model;

/// <summary>A person: their roles and the controls they own (directly or through a role).</summary>
public sealed record PersonModel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Title { get; init; }

    public string? Email { get; init; }

    /// <summary>Titles of the catalog roles the person holds.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The controls the person owns, in citation order.</summary>
    public IReadOnlyList<ControlRefModel> Controls { get; init; } = [];
}

namespace Evidence.Rendering.Model;

/// <summary>Who owns a control: the person or role named, and the people behind it.</summary>
public sealed record OwnerModel
{
    /// <summary>The person id or role id the workspace (or catalog) names.</summary>
    public required string Ref { get; init; }

    /// <summary>The role's title when <see cref="Ref"/> is a role; null for a person.</summary>
    public string? Role { get; init; }

    /// <summary>The names of the people behind the owner; empty when nobody holds the role.</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    /// <summary>One line for people: "Lena Fischer" or "Priya Raman, Tomasz Kowalczyk (Cloud platform engineering)".</summary>
    public required string Text { get; init; }
}

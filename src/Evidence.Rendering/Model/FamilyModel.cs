namespace Evidence.Rendering.Model;

/// <summary>A family of safeguards (one section of the rule) with its standards in citation order.</summary>
public sealed record FamilyModel
{
    public required string Name { get; init; }

    /// <summary>The section, such as <c>164.312</c>.</summary>
    public required string Section { get; init; }

    public required string Anchor { get; init; }

    public required StatusCountsModel Counts { get; init; }

    /// <summary>The family's standards; each holds its specifications.</summary>
    public IReadOnlyList<ControlModel> Standards { get; init; } = [];
}

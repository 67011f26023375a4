namespace Evidence.Rendering.Model;

/// <summary>The shared-responsibility matrix as the SSP prints it.</summary>
public sealed record ResponsibilityModel
{
    /// <summary>The clouds in the boundary, by title ("AWS", "Azure").</summary>
    public IReadOnlyList<string> Clouds { get; init; } = [];

    /// <summary>Who decided the split and against what.</summary>
    public string? Provenance { get; init; }

    public IReadOnlyList<ResponsibilitySourceModel> Sources { get; init; } = [];

    /// <summary>One row per control, in citation order.</summary>
    public IReadOnlyList<ResponsibilityRowModel> Rows { get; init; } = [];

    /// <summary>How many rows are inherited, shared and the customer's alone.</summary>
    public int Inherited { get; init; }

    public int Shared { get; init; }

    public int Customer { get; init; }
}

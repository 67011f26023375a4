namespace Evidence.Rendering.Model;

/// <summary>One row of the business associates table.</summary>
public sealed record BusinessAssociateModel
{
    public required string Name { get; init; }

    public required string Service { get; init; }

    public required string Phi { get; init; }

    /// <summary>The BAA's signature date, <c>2024-01-22</c>; null when not signed.</summary>
    public string? BaaSigned { get; init; }

    /// <summary>The BAA document's path under artifacts/; null when none is named.</summary>
    public string? BaaDocument { get; init; }

    /// <summary>The owner's name; null when none is named.</summary>
    public string? Owner { get; init; }
}

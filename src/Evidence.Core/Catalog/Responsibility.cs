using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Catalog;

/// <summary>One citation's row of the shared-responsibility matrix, with the sources it rests on.</summary>
public sealed record Responsibility
{
    public required Scalar Citation { get; init; }

    public required ResponsibilitySplit Split { get; init; }

    /// <summary>What the cloud provider covers; null when the customer carries the citation alone.</summary>
    public string? Provider { get; init; }

    /// <summary>What the customer does.</summary>
    public required string Customer { get; init; }

    /// <summary>Ids of <see cref="SharedResponsibility.Sources"/>.</summary>
    public IReadOnlyList<Scalar> Sources { get; init; } = [];

    public required SourceLocation Location { get; init; }
}

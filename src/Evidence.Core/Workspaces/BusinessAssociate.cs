using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>
/// A business associate (<c>business_associates:</c>): a vendor that creates, receives, maintains or
/// transmits ePHI for the organization, and the business associate agreement (164.308(b), 164.314(a)).
/// </summary>
public sealed record BusinessAssociate
{
    public required string Name { get; init; }

    /// <summary>What they do for the system.</summary>
    public required string Service { get; init; }

    /// <summary>The ePHI they handle.</summary>
    public required string Phi { get; init; }

    /// <summary>When the BAA was signed; null when it is not signed yet.</summary>
    public DateOnly? BaaSigned { get; init; }

    /// <summary>The signed BAA or the register that records it, under artifacts/.</summary>
    public Scalar? BaaDocument { get; init; }

    /// <summary>The person who manages the relationship.</summary>
    public Scalar? Owner { get; init; }

    public required SourceLocation Location { get; init; }
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>What a workspace says about one catalog control.</summary>
public sealed record ControlOverlay
{
    public required Scalar Control { get; init; }

    /// <summary>A person id or a role id.</summary>
    public Scalar? Owner { get; init; }

    public ImplementationStatus? Status { get; init; }

    public SourceLocation StatusLocation { get; init; }

    public string? Statement { get; init; }

    public AddressableDecision? Decision { get; init; }

    public TimeSpan? MaxAge { get; init; }

    public bool ReplaceDefaultEvidence { get; init; }

    public IReadOnlyList<EvidenceExclusion> Exclusions { get; init; } = [];

    public IReadOnlyList<EvidenceQuery> Evidence { get; init; } = [];

    public required SourceLocation Location { get; init; }
}

using Evidence.Core.Catalog;
using Evidence.Core.Queries;
using Evidence.Core.Workspaces;

namespace Evidence.Core.Resolution;

/// <summary>A catalog control as one workspace sees it: its overlay, owners and effective evidence.</summary>
public sealed record ResolvedControl
{
    public required CatalogControl Control { get; init; }

    public ControlOverlay? Overlay { get; init; }

    /// <summary>The person or role id that owns the control.</summary>
    public required string OwnerRef { get; init; }

    /// <summary>The people behind <see cref="OwnerRef"/>; empty when nobody holds the role.</summary>
    public IReadOnlyList<Person> Owners { get; init; } = [];

    /// <summary>The implementation status, inherited from the standard when it does not apply.</summary>
    public ImplementationStatus? Status { get; init; }

    /// <summary>Evidence queries that count for this control in this workspace.</summary>
    public IReadOnlyList<EvidenceQuery> Queries { get; init; } = [];

    /// <summary>Catalog-expected documents that count for this control.</summary>
    public IReadOnlyList<ExpectedArtifact> ExpectedArtifacts { get; init; } = [];

    public required TimeSpan MaxAge { get; init; }

    /// <summary>Judged on its own evidence (a spec, or a standard without specs) rather than rolled up.</summary>
    public required bool IsLeaf { get; init; }

    public required bool RequiresAttestation { get; init; }

    public string Id => Control.Id;
}

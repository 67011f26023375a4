using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;

namespace Evidence.Core.Catalog;

/// <summary>One standard or implementation specification of the Security Rule, as the catalog describes it.</summary>
public sealed record CatalogControl
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Section { get; init; }

    public required string Family { get; init; }

    public required ControlKind Kind { get; init; }

    /// <summary>The standard a specification belongs to.</summary>
    public string? Parent { get; init; }

    /// <summary>Null for a standard that has specifications: it rolls up from them.</summary>
    public Designation? Designation { get; init; }

    public required string Summary { get; init; }

    public required string AssessorFocus { get; init; }

    /// <summary>The assessor focus as a checklist, each item with the evidence that can answer it.</summary>
    public IReadOnlyList<AssessorCheck> AssessorChecklist { get; init; } = [];

    public required string OwnerRole { get; init; }

    public required TimeSpan MaxAge { get; init; }

    public IReadOnlyList<ExpectedArtifact> ExpectedArtifacts { get; init; } = [];

    /// <summary>Queries the catalog entry lists itself, beyond the cloud mappings.</summary>
    public IReadOnlyList<EvidenceQuery> Evidence { get; init; } = [];

    /// <summary>
    /// What cloud rules and policies mapped to this control prove unless a mapping says otherwise: for
    /// process specifications (risk analysis, training, contingency plans...) a cloud setting cannot show
    /// the process happened, so they only support; documents and attestations are the primary evidence.
    /// </summary>
    public EvidenceRole CloudEvidenceRole { get; init; } = EvidenceRole.Primary;

    /// <summary>Why cloud evidence only supports this control, when it does.</summary>
    public string? CloudEvidenceNote { get; init; }

    public required SourceLocation Location { get; init; }

    public bool IsStandard => Kind == ControlKind.Standard;
}

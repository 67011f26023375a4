using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;
using Evidence.Core.Yaml;

namespace Evidence.Core.Catalog;

/// <summary>One AWS Config rule or Azure Policy definition mapped to the citations it supports.</summary>
public sealed record CloudMapping(
    EvidenceQuery Query,
    string Title,
    IReadOnlyList<Scalar> Citations,
    MappingProvenance Provenance,
    string? Note,
    SourceLocation Location)
{
    /// <summary>
    /// True for a rule or policy outside the conformance pack or initiative, added because the pack
    /// or initiative leaves a safeguard without automated evidence (its note says which).
    /// </summary>
    public bool Supplementary { get; init; }
}

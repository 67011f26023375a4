using Evidence.Core.Diagnostics;
using Evidence.Core.Queries;

namespace Evidence.Core.Catalog;

/// <summary>One AWS Config rule or Azure Policy definition mapped to the citations it supports.</summary>
public sealed record CloudMapping(
    EvidenceQuery Query,
    string Title,
    IReadOnlyList<MappedCitation> Citations,
    MappingProvenance Provenance,
    string? Note,
    SourceLocation Location)
{
    /// <summary>
    /// True for a rule or policy outside the conformance pack or initiative, added because the pack
    /// or initiative leaves a safeguard without automated evidence (its note says which).
    /// </summary>
    public bool Supplementary { get; init; }

    /// <summary>The rule or policy must evaluate some resource in every source: an empty answer fails.</summary>
    public bool ExpectResources { get; init; }

    /// <summary>The severity of the findings this rule or policy raises; null for the default (medium).</summary>
    public Findings.Severity? Severity { get; init; }

    /// <summary>The role this mapping gives the rule or policy for <paramref name="citation"/>, or null for the specification's default.</summary>
    public MappedCitation? For(string citation) => Citations.FirstOrDefault(c => c.Citation.Value == citation);
}

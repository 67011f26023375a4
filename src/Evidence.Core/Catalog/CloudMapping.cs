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
    SourceLocation Location);

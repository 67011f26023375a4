using Evidence.Core.Queries;
using Evidence.Core.Yaml;

namespace Evidence.Core.Catalog;

/// <summary>
/// One citation a cloud rule or policy is mapped to. <see cref="Role"/> is null where the mapping
/// takes the specification's default; a mapping that does not prove the specification is marked
/// supporting, with a note saying why, while its provenance (who mapped it) is kept.
/// </summary>
public sealed record MappedCitation(Scalar Citation, EvidenceRole? Role, string? Note);

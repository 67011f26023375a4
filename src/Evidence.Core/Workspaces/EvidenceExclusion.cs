using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>A default query that does not apply to this system, and why.</summary>
public sealed record EvidenceExclusion(Scalar Query, string Reason);

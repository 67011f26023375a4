using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>
/// The documented decision HIPAA asks for when an addressable specification is not implemented
/// as written (164.306(d)(3)), or when a control does not apply.
/// </summary>
public sealed record AddressableDecision(
    string? Alternative,
    string? Rationale,
    Scalar? DecidedBy,
    DateOnly? DecidedOn,
    SourceLocation Location);

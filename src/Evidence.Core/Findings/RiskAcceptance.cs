using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Findings;

/// <summary>A decision, by a named person, to accept the risk until an expiry date.</summary>
public sealed record RiskAcceptance(Scalar ApprovedBy, DateOnly ApprovedOn, string Rationale, DateOnly Expires, SourceLocation Location)
{
    public SourceLocation ExpiresLocation { get; init; }
}

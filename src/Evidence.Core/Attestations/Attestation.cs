using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Attestations;

/// <summary>An owner's statement about one control for one period, kept as a file in git.</summary>
public sealed record Attestation(
    Scalar Control,
    AttestationPeriod Period,
    SourceLocation PeriodLocation,
    Scalar AttestedBy,
    DateTimeOffset AttestedAt,
    AttestationResult Result,
    string? Comment,
    SourceLocation Location)
{
    /// <summary>Where <c>attested_at</c> is written, for problems with the instant.</summary>
    public SourceLocation AttestedAtLocation { get; init; }
}

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

    /// <summary>
    /// The record's name: its path under <c>attestations/</c> with forward slashes
    /// (<c>2026-Q3/164-308-a-1-ii-A.yaml</c>), the name a correction's <c>supersedes</c> gives.
    /// </summary>
    public string RecordPath { get; init; } = string.Empty;

    /// <summary>The earlier record this one corrects (its <see cref="RecordPath"/>); null for a first statement.</summary>
    public Scalar? Supersedes { get; init; }

    /// <summary>What the owner looked at: document paths, tickets, query keys, a returned form.</summary>
    public IReadOnlyList<Scalar> Evidence { get; init; } = [];
}

namespace Evidence.Core.Attestations;

/// <summary>An attestation about to be written.</summary>
public sealed record NewAttestation(string Control, AttestationPeriod Period, string AttestedBy, DateTimeOffset AttestedAt, AttestationResult Result, string Comment)
{
    /// <summary>The record this one corrects, by its path under <c>attestations/</c>.</summary>
    public string? Supersedes { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];
}

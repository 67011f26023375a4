namespace Evidence.Rendering.Model;

/// <summary>The document-control block: what version this is, who answers for it, what evidence it rests on.</summary>
public sealed record DocumentControlModel
{
    /// <summary>The plan version, or "unversioned".</summary>
    public required string Version { get; init; }

    public required string Organization { get; init; }

    /// <summary>The people in the security-officer role (the plan's owner), as "Name, Title".</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>The evidence run ids used, oldest first.</summary>
    public IReadOnlyList<string> RunIds { get; init; } = [];

    /// <summary>How many attestation records were on file by the as-of instant.</summary>
    public int Attestations { get; init; }

    /// <summary>The newest attestation on file, as a date; null when there is none.</summary>
    public string? LatestAttestation { get; init; }
}

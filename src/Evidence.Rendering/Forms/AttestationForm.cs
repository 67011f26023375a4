namespace Evidence.Rendering.Forms;

/// <summary>
/// A request for one owner's attestations for one period: what each of their controls asks, where its
/// evidence stands, and the fields they fill in. What the DOCX and PDF forms are written from.
/// </summary>
public sealed record AttestationForm
{
    public required string SystemId { get; init; }

    public required string SystemName { get; init; }

    public required string Organization { get; init; }

    public required string OwnerId { get; init; }

    public required string OwnerName { get; init; }

    /// <summary>The period attested, such as 2026-Q3.</summary>
    public required string Period { get; init; }

    /// <summary>When the form was issued (the as-of instant), as a UTC timestamp.</summary>
    public required string IssuedAt { get; init; }

    /// <summary>The last second the attestation is on time, as a UTC timestamp.</summary>
    public required string DueBy { get; init; }

    public required IReadOnlyList<AttestationFormControl> Controls { get; init; }

    /// <summary>A file name for the form without its extension: <c>&lt;system&gt;-Attestation-&lt;owner&gt;-&lt;period&gt;</c>.</summary>
    public string FileStem => $"{SystemId}-Attestation-{OwnerId}-{Period}";
}

namespace Evidence.Rendering.Forms;

/// <summary>What a returned form says: whom and what it was issued for, and what the owner filled in.</summary>
public sealed record ReturnedForm
{
    public required string SystemId { get; init; }

    public required string OwnerId { get; init; }

    public required string Period { get; init; }

    public required string IssuedAt { get; init; }

    /// <summary>The SHA-256 of the form's text outside its fields, as recomputed on reading (see <see cref="FormLedger"/>).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The signer's name as typed.</summary>
    public required string Name { get; init; }

    /// <summary>The date as typed (YYYY-MM-DD).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>The typed signature, or a note that a picture was inserted.</summary>
    public required string Signature { get; init; }

    /// <summary>The controls answered, in form order; a control left without a result is not here.</summary>
    public required IReadOnlyList<ReturnedAnswer> Answers { get; init; }

    /// <summary>The controls the form asked about, in form order.</summary>
    public required IReadOnlyList<string> Controls { get; init; }
}

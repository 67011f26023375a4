using Evidence.Core.Attestations;

namespace Evidence.Core.Changes;

/// <summary>What happened to a control's attestation between the two points.</summary>
public enum AttestationChangeKind
{
    /// <summary>A new attestation was recorded.</summary>
    Added,

    /// <summary>A new attestation replaced an earlier one for the same control and period.</summary>
    Superseded,

    /// <summary>The attestation now due is missing or overdue, and was not before.</summary>
    NowOverdue,
}

/// <summary>One change to a control's attestations.</summary>
public sealed record AttestationChange(AttestationChangeKind Kind, string Control, string Message)
{
    /// <summary>The attestation recorded, for <see cref="AttestationChangeKind.Added"/> and <see cref="AttestationChangeKind.Superseded"/>.</summary>
    public Attestation? Attestation { get; init; }
}

namespace Evidence.Core.Evaluation;

/// <summary>Why a finding passes or fails.</summary>
public enum FindingKind
{
    Compliant,
    NonCompliant,

    /// <summary>The query failed or was never collected: counts as not satisfied.</summary>
    NotCollected,
    Stale,
    ArtifactCurrent,
    ArtifactMissing,
    ArtifactStale,
    AttestationCurrent,
    AttestationMissing,
    AttestationOverdue,

    /// <summary>The owner's own word is that the control is not (fully) in place.</summary>
    ImplementationGap,

    /// <summary>A specification's status, as it rolls up into its standard.</summary>
    Specification,
}

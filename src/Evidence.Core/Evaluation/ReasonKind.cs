namespace Evidence.Core.Evaluation;

/// <summary>Why a reason passes or fails.</summary>
public enum ReasonKind
{
    Compliant,
    NonCompliant,

    /// <summary>The rule or policy evaluated no resources in the source: neutral, or a failure when the query expects resources.</summary>
    NoResources,

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

    /// <summary>The control has no primary evidence: what supports it cannot satisfy it alone.</summary>
    NoPrimaryEvidence,
}

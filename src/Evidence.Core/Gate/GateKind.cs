namespace Evidence.Core.Gate;

/// <summary>A kind of failure the CI gate (<c>evidence check --fail-on</c>) can stop a pipeline on.</summary>
public enum GateKind
{
    /// <summary>Resources fail a rule or policy, a query finds nothing it must find, or the owner's word is that the control is not (fully) in place.</summary>
    NonCompliant,

    /// <summary>A query could not be collected, or was never collected.</summary>
    NotCollected,

    /// <summary>Cloud evidence or a document is older than its maximum age.</summary>
    Stale,

    /// <summary>A document the catalog expects is not on record.</summary>
    MissingDocument,

    /// <summary>The owner's attestation for the last due period is missing or overdue.</summary>
    AttestationOverdue,

    /// <summary>A finding is still open past its target date.</summary>
    FindingOverdue,

    /// <summary>A finding's risk acceptance has expired.</summary>
    AcceptanceExpired,

    /// <summary>The workspace has validation errors or warnings.</summary>
    Validation,
}

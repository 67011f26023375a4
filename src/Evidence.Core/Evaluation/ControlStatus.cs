namespace Evidence.Core.Evaluation;

/// <summary>The judgment on a control as of a point in time.</summary>
public enum ControlStatus
{
    Satisfied,
    PartiallySatisfied,
    NotSatisfied,

    /// <summary>Nothing to judge it by: no evidence is asked for and no attestation is due.</summary>
    NotAssessed,
    NotApplicable,
}

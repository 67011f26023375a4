namespace Evidence.Core.Evaluation;

/// <summary>What one reason contributes to its control's status.</summary>
public enum Outcome
{
    Pass,
    Partial,
    Fail,

    /// <summary>Shown but not judged: a rule that evaluated no resources proves nothing either way.</summary>
    Neutral,
}

namespace Evidence.Core.Evaluation;

/// <summary>What one finding contributes to its control's status.</summary>
public enum Outcome
{
    Pass,
    Partial,
    Fail,
}

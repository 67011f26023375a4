using Evidence.Core.Evaluation;

namespace Evidence.Core.Changes;

/// <summary>A control whose status changed, and why: the problems it gained and the ones it lost.</summary>
public sealed record StatusChange(ControlEvaluation Before, ControlEvaluation After, IReadOnlyList<string> Why)
{
    public string Id => After.Id;
}

using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;

namespace Evidence.Core.Gate;

/// <summary>
/// One control as the gate judged it: its evaluation, every failure of a kind the gate stops on, and
/// the place in the workspace that owns the control (its overlay, else <c>evidence.yaml</c>), where a
/// code-review tool annotates the change.
/// </summary>
public sealed record ControlVerdict(ControlEvaluation Evaluation, IReadOnlyList<GateFailure> Failures, SourceLocation Location)
{
    public string Id => Evaluation.Id;

    public bool Failed => Failures.Count > 0;

    /// <summary>Not applicable controls are reported as skipped: there is nothing to judge.</summary>
    public bool Skipped => Evaluation.Status == ControlStatus.NotApplicable;

    /// <summary>The kinds of this control's failures, in the order of <see cref="GateKind"/>.</summary>
    public IEnumerable<GateKind> Kinds => Failures.Select(f => f.Kind).Distinct().Order();
}

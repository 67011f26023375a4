using Evidence.Core.Diagnostics;

namespace Evidence.Core.Gate;

/// <summary>What the gate found: every judged control with its failures, and the workspace's diagnostics.</summary>
public sealed record GateResult(
    DateTimeOffset AsOf,
    IReadOnlySet<GateKind> FailOn,
    IReadOnlyList<ControlVerdict> Controls,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the workspace could not be loaded, so no control was judged.</summary>
    public bool Invalid => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Diagnostics count against the gate only when it stops on validation.</summary>
    public IReadOnlyList<Diagnostic> ValidationFailures => FailOn.Contains(GateKind.Validation) ? Diagnostics : [];

    /// <summary>Every kind that failed, in the order of <see cref="GateKind"/>.</summary>
    public IReadOnlyList<GateKind> FailedKinds =>
        Controls.SelectMany(c => c.Kinds)
            .Concat(ValidationFailures.Count > 0 ? [GateKind.Validation] : [])
            .Distinct().Order().ToList();

    public bool Passed => FailedKinds.Count == 0;

    /// <summary>How many failures of each kind (controls per kind; diagnostics for validation).</summary>
    public int Count(GateKind kind) => kind == GateKind.Validation
        ? ValidationFailures.Count
        : Controls.Count(c => c.Failures.Any(f => f.Kind == kind));
}

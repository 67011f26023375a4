using Evidence.Core.Diagnostics;
using Evidence.Core.Evaluation;
using Evidence.Core.Findings;
using Evidence.Core.Loading;

namespace Evidence.Core.Gate;

/// <summary>
/// The CI gate: turns an evaluation and the findings register into failures by kind. A pure function of
/// what it is given, like the evaluation it reads.
/// </summary>
public static class CheckGate
{
    /// <summary>Every kind, the default of <c>--fail-on</c>.</summary>
    public static IReadOnlySet<GateKind> AllKinds { get; } = Enum.GetValues<GateKind>().ToHashSet();

    public static GateResult Judge(
        LoadedWorkspace loaded, WorkspaceEvaluation evaluation, IReadOnlyList<Finding> findings, IReadOnlySet<GateKind> failOn)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(findings);
        var byControl = findings
            .SelectMany(f => f.Citations.Select(c => (Control: c, Failure: FindingFailure(f))))
            .Where(x => x.Failure is not null)
            .ToLookup(x => x.Control, x => x.Failure!, StringComparer.Ordinal);
        var workspaceLocation = loaded.Workspace?.Location ?? SourceLocation.OfFile(loaded.Display(WorkspaceLoader.WorkspaceFile));
        var verdicts = evaluation.Controls.Select(control =>
        {
            var failures = control.Status == ControlStatus.NotApplicable
                ? []
                : control.Reasons.Select(ReasonFailure).OfType<GateFailure>().Concat(byControl[control.Id])
                    .Where(f => failOn.Contains(f.Kind)).ToList();
            return new ControlVerdict(control, failures, control.Control.Overlay?.Location ?? workspaceLocation);
        }).ToList();
        return new GateResult(evaluation.AsOf, failOn, verdicts, loaded.Diagnostics);
    }

    /// <summary>The gate result of a workspace that could not be loaded: only its diagnostics.</summary>
    public static GateResult Invalid(LoadedWorkspace loaded, DateTimeOffset asOf, IReadOnlySet<GateKind> failOn)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return new GateResult(asOf, failOn, [], loaded.Diagnostics);
    }

    /// <summary>
    /// The kind of a reason that counts against its control. A specification's status rolling up into its
    /// standard is not a failure of its own: the specification is judged, and reported, by itself.
    /// </summary>
    public static GateKind? KindOf(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!reason.IsProblem)
        {
            return null;
        }

        return reason.Kind switch
        {
            ReasonKind.NonCompliant or ReasonKind.NoResources or ReasonKind.ImplementationGap or ReasonKind.AttestationCurrent => GateKind.NonCompliant,
            ReasonKind.NotCollected => GateKind.NotCollected,
            ReasonKind.Stale or ReasonKind.ArtifactStale => GateKind.Stale,
            ReasonKind.ArtifactMissing => GateKind.MissingDocument,
            ReasonKind.AttestationMissing or ReasonKind.AttestationOverdue => GateKind.AttestationOverdue,
            _ => null,
        };
    }

    private static GateFailure? ReasonFailure(Reason reason) =>
        KindOf(reason) is { } kind ? new GateFailure(kind, reason.Role == Queries.EvidenceRole.Supporting ? $"{reason.Message} (supporting evidence)" : reason.Message) : null;

    private static GateFailure? FindingFailure(Finding finding) => finding.State switch
    {
        FindingState.Overdue => new GateFailure(GateKind.FindingOverdue,
            $"finding {finding.Id} overdue since {finding.DueDate:yyyy-MM-dd}: {finding.RuleName} on {finding.ResourceName} ({finding.Source}), first seen {finding.FirstSeen:yyyy-MM-dd}, owner {finding.Owner}"),
        FindingState.AcceptanceExpired => new GateFailure(GateKind.AcceptanceExpired,
            $"finding {finding.Id}: the risk acceptance expired on {finding.Record?.Acceptance?.Expires:yyyy-MM-dd}: {finding.RuleName} on {finding.ResourceName} ({finding.Source}), owner {finding.Owner}"),
        _ => null,
    };
}

using Evidence.Core.Queries;
using Evidence.Core.Store;

namespace Evidence.Core.Evaluation;

/// <summary>One reason behind a control's status, such as one query's evidence from one account and region.</summary>
public sealed record Reason(ReasonKind Kind, Outcome Outcome, string Message)
{
    /// <summary>The query key or the specification id the reason is about.</summary>
    public string? Subject { get; init; }

    public EvidenceSource? Source { get; init; }

    /// <summary>The evidence item judged, when there is one.</summary>
    public EvidenceItem? Item { get; init; }

    /// <summary>Primary evidence decides the status; supporting evidence can only show a gap.</summary>
    public EvidenceRole Role { get; init; } = EvidenceRole.Primary;

    /// <summary>True when the reason counts against the control (a failure or a partial result).</summary>
    public bool IsProblem => Outcome is Outcome.Fail or Outcome.Partial;

    /// <summary>For stale or overdue reasons: since when.</summary>
    public DateTimeOffset? Since { get; init; }
}

using Evidence.Core.Store;

namespace Evidence.Core.Evaluation;

/// <summary>One reason behind a control's status, such as one query's evidence from one account and region.</summary>
public sealed record Finding(FindingKind Kind, Outcome Outcome, string Message)
{
    /// <summary>The query key or the specification id the finding is about.</summary>
    public string? Subject { get; init; }

    public EvidenceSource? Source { get; init; }

    /// <summary>The evidence item judged, when there is one.</summary>
    public EvidenceItem? Item { get; init; }

    /// <summary>For stale or overdue findings: since when.</summary>
    public DateTimeOffset? Since { get; init; }
}

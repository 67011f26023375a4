using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Findings;

/// <summary>
/// One entry of a workspace's <c>findings.yaml</c>: what the team decided about the findings whose key
/// matches <see cref="Key"/> (an exact key, or a pattern with <c>*</c>): a remediation plan, a risk
/// acceptance or a false positive, and optionally another owner or severity.
/// </summary>
public sealed record FindingRecord
{
    /// <summary>A finding key, or a pattern in which <c>*</c> stands for any text.</summary>
    public required Scalar Key { get; init; }

    /// <summary>A person or role id who owns the findings instead of the control owner.</summary>
    public Scalar? Owner { get; init; }

    public Severity? Severity { get; init; }

    public RemediationPlan? Remediation { get; init; }

    public RiskAcceptance? Acceptance { get; init; }

    public FalsePositive? FalsePositive { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>True when the entry names a pattern rather than one finding.</summary>
    public bool IsPattern => Key.Value.Contains('*', StringComparison.Ordinal);

    /// <summary>
    /// What the entry decides as of <paramref name="instant"/>: a false positive (from the day recorded, or always
    /// when undated), a risk acceptance in force or one that has expired; null when it decides nothing about whether
    /// the finding is open (a plan only, or a decision not yet made then).
    /// </summary>
    internal FindingState? DecisionAt(DateTimeOffset instant)
    {
        if (FalsePositive is { } falsePositive && (falsePositive.On is not { } on || instant >= FindingsRegister.Start(on)))
        {
            return FindingState.FalsePositive;
        }

        if (Acceptance is { } acceptance && instant >= FindingsRegister.Start(acceptance.ApprovedOn))
        {
            return instant < FindingsRegister.EndOf(acceptance.Expires) ? FindingState.Accepted : FindingState.AcceptanceExpired;
        }

        return null;
    }
}

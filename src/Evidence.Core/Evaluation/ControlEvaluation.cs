using Evidence.Core.Attestations;
using Evidence.Core.Resolution;

namespace Evidence.Core.Evaluation;

/// <summary>A control's status with every finding behind it.</summary>
public sealed record ControlEvaluation(ResolvedControl Control, ControlStatus Status, IReadOnlyList<Finding> Findings)
{
    public Attestation? LatestAttestation { get; init; }

    public string Id => Control.Id;

    /// <summary>Findings from cloud evidence (not documents, attestations or specifications).</summary>
    public IEnumerable<Finding> CloudFindings =>
        Findings.Where(f => f.Kind is FindingKind.Compliant or FindingKind.NonCompliant or FindingKind.NotCollected or FindingKind.Stale);

    public int NonCompliantResources => CloudFindings.Sum(f => f.Item?.Counts.NonCompliant ?? 0);

    /// <summary>The oldest instant any of the control's cloud evidence describes.</summary>
    public DateTimeOffset? OldestEvidence => CloudFindings.Select(f => f.Item?.AsOf).Where(t => t is not null).Min();
}

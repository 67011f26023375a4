using Evidence.Core.Attestations;
using Evidence.Core.Resolution;

namespace Evidence.Core.Evaluation;

/// <summary>A control's status with every reason behind it.</summary>
public sealed record ControlEvaluation(ResolvedControl Control, ControlStatus Status, IReadOnlyList<Reason> Reasons)
{
    public Attestation? LatestAttestation { get; init; }

    public string Id => Control.Id;

    /// <summary>Reasons from cloud evidence (not documents, attestations or specifications).</summary>
    public IEnumerable<Reason> CloudReasons =>
        Reasons.Where(f => f.Kind is ReasonKind.Compliant or ReasonKind.NonCompliant or ReasonKind.NoResources or ReasonKind.NotCollected or ReasonKind.Stale);

    public int NonCompliantResources => CloudReasons.Sum(f => f.Item?.Counts.NonCompliant ?? 0);

    /// <summary>The oldest instant any of the control's cloud evidence describes.</summary>
    public DateTimeOffset? OldestEvidence => CloudReasons.Select(f => f.Item?.AsOf).Where(t => t is not null).Min();
}

using Evidence.Core.Workspaces;

namespace Evidence.Core.Evaluation;

/// <summary>One owner and the attestations they answer for.</summary>
public sealed record OwnerPending(Person Owner, IReadOnlyList<PendingControl> Controls);

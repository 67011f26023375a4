using Evidence.Core.Workspaces;

namespace Evidence.Cli.Output;

/// <summary>One owner and the attestations they answer for.</summary>
internal sealed record OwnerPending(Person Owner, IReadOnlyList<PendingControl> Controls);

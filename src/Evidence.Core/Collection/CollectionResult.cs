namespace Evidence.Core.Collection;

/// <summary>What a collection run did: whether it finished, how many items it collected or recorded as failed, and what it did not reach.</summary>
public sealed record CollectionResult(bool Complete, int Collected, int Failed, IReadOnlyList<string> NotReached, string? AbortReason)
{
    /// <summary>What each bulk collector estimated its plan would cost, to set against the calls it made.</summary>
    public IReadOnlyList<CallEstimate> Estimates { get; init; } = [];
}

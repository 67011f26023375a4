namespace Evidence.Rendering.Model;

/// <summary>The documented decision for an addressable specification not implemented as written, or a control that does not apply.</summary>
public sealed record DecisionModel
{
    /// <summary>What is done instead; null for a not-applicable decision.</summary>
    public string? Alternative { get; init; }

    public string? Rationale { get; init; }

    /// <summary>The name of the person who decided.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>The date of the decision, <c>2026-03-02</c>.</summary>
    public string? DecidedOn { get; init; }
}

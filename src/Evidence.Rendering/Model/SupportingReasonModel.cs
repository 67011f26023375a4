namespace Evidence.Rendering.Model;

/// <summary>One reason the catalog gives for cloud evidence only supporting a control, with every query it applies to (said once, not once per query).</summary>
public sealed record SupportingReasonModel(string? Note, IReadOnlyList<string> Queries);

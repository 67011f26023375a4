namespace Evidence.Core.Store;

/// <summary>
/// How many evaluated resources fell in each compliance state. <see cref="Compliant"/> is null when the
/// resources were not counted by state (a <see cref="EvidenceMethod.Summary"/> item: the cloud reported the
/// rule's compliance, and only its non-compliant resources were fetched); <see cref="NotApplicable"/> and
/// <see cref="InsufficientData"/> are then 0 because nobody asked, and only <see cref="NonCompliant"/> is a count.
/// </summary>
public sealed record ComplianceCounts(int? Compliant, int NonCompliant, int NotApplicable, int InsufficientData)
{
    public static ComplianceCounts None { get; } = new(0, 0, 0, 0);

    /// <summary>True when every state was counted; false for a summary, which never overstates by guessing the compliant count.</summary>
    public bool Counted => Compliant is not null;

    /// <summary>Every resource evaluated, or null when the compliant ones were not counted.</summary>
    public int? Total => Compliant is { } compliant ? compliant + NonCompliant + NotApplicable + InsufficientData : null;

    /// <summary>Counts from a summary: the non-compliant resources fetched, the rest not counted.</summary>
    public static ComplianceCounts Summary(int nonCompliant) => new(null, nonCompliant, 0, 0);
}

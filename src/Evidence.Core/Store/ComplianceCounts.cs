namespace Evidence.Core.Store;

/// <summary>How many evaluated resources fell in each compliance state.</summary>
public sealed record ComplianceCounts(int Compliant, int NonCompliant, int NotApplicable, int InsufficientData)
{
    public static ComplianceCounts None { get; } = new(0, 0, 0, 0);

    public int Total => Compliant + NonCompliant + NotApplicable + InsufficientData;
}

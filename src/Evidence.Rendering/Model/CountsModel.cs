namespace Evidence.Rendering.Model;

/// <summary>Resources of an item by compliance state.</summary>
public sealed record CountsModel(long Compliant, long NonCompliant, long NotApplicable, long InsufficientData)
{
    public long Total => Compliant + NonCompliant + NotApplicable + InsufficientData;
}

namespace Evidence.Rendering.Model;

/// <summary>Resources of an item by compliance state; <see cref="Compliant"/> and <see cref="Total"/> are null for a summary, which did not count them.</summary>
public sealed record CountsModel(long? Compliant, long NonCompliant, long NotApplicable, long InsufficientData)
{
    public long? Total => Compliant + NonCompliant + NotApplicable + InsufficientData;
}

namespace Evidence.Rendering.Model;

/// <summary>A step of a remediation plan.</summary>
public sealed record MilestoneModel(string Description, string Due, string? Done);

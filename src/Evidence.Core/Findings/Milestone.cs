namespace Evidence.Core.Findings;

/// <summary>A dated step of a remediation plan.</summary>
public sealed record Milestone(string Description, DateOnly Due, DateOnly? Done);

using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Findings;

/// <summary>How and by when a finding will be fixed.</summary>
public sealed record RemediationPlan(Scalar? Owner, string? Ticket, DateOnly? TargetDate, IReadOnlyList<Milestone> Milestones, SourceLocation Location);

using Evidence.Core.Diagnostics;
using Evidence.Core.Yaml;

namespace Evidence.Core.Workspaces;

/// <summary>
/// The plan's own document control (<c>plan:</c> in evidence.yaml): who owns the system, who approved
/// the plan and when, and its revision history. Person ids are checked by the plan validator.
/// </summary>
public sealed record SecurityPlan
{
    /// <summary>The person accountable for the system (NIST SP 800-18's "system owner").</summary>
    public Scalar? SystemOwner { get; init; }

    /// <summary>The person who approved this version of the plan.</summary>
    public Scalar? ApprovedBy { get; init; }

    public DateOnly? ApprovedOn { get; init; }

    /// <summary>Oldest first, as written.</summary>
    public IReadOnlyList<PlanRevision> Revisions { get; init; } = [];

    public required SourceLocation Location { get; init; }
}

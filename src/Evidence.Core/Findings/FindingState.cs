namespace Evidence.Core.Findings;

/// <summary>Where a finding stands as of the evaluation instant.</summary>
public enum FindingState
{
    /// <summary>Still failing and past its target date (the plan's, or the severity's deadline from first seen).</summary>
    Overdue,

    /// <summary>A risk acceptance covered it, but the acceptance has expired.</summary>
    AcceptanceExpired,

    /// <summary>Failing again after a later run had resolved it.</summary>
    Reopened,

    /// <summary>Failing, within its target date.</summary>
    Open,

    /// <summary>Failing, under a current risk acceptance approved by a named person.</summary>
    Accepted,

    /// <summary>Recorded as a false positive: the resource does not in fact violate the rule.</summary>
    FalsePositive,

    /// <summary>Absent from a later run that answered the same query from the same source.</summary>
    Resolved,
}

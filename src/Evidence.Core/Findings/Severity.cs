namespace Evidence.Core.Findings;

/// <summary>How much a finding matters: it sets the default remediation deadline.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

namespace Evidence.Core.Findings;

/// <summary>How long a finding of each severity may stay open before it is overdue (<c>settings.remediation</c>).</summary>
public sealed record RemediationDeadlines(TimeSpan Critical, TimeSpan High, TimeSpan Medium, TimeSpan Low)
{
    /// <summary>15, 30, 90 and 180 days: common vulnerability-management deadlines, used where the workspace sets none.</summary>
    public static RemediationDeadlines Default { get; } = new(TimeSpan.FromDays(15), TimeSpan.FromDays(30), TimeSpan.FromDays(90), TimeSpan.FromDays(180));

    public TimeSpan For(Severity severity) => severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        _ => Low,
    };
}

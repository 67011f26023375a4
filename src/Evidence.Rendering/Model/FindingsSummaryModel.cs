namespace Evidence.Rendering.Model;

/// <summary>The findings register counted: by state, and by root cause (one failing resource flagged by several rules counts once).</summary>
public sealed record FindingsSummaryModel
{
    public int Total { get; init; }

    public int Open { get; init; }

    public int Overdue { get; init; }

    public int Reopened { get; init; }

    public int Accepted { get; init; }

    public int AcceptanceExpired { get; init; }

    public int FalsePositive { get; init; }

    public int Resolved { get; init; }

    /// <summary>Distinct resources behind the open findings.</summary>
    public int OpenRootCauses { get; init; }
}

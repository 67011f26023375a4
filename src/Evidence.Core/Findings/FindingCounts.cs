namespace Evidence.Core.Findings;

/// <summary>
/// The register counted once for every view: findings by state, the open ones, and their root causes
/// (one failing resource flagged by several rules counts once).
/// </summary>
public sealed record FindingCounts
{
    public required IReadOnlyDictionary<FindingState, int> ByState { get; init; }

    public required int Total { get; init; }

    public required int Open { get; init; }

    /// <summary>Distinct resources behind the open findings.</summary>
    public required int OpenRootCauses { get; init; }

    public int this[FindingState state] => ByState.GetValueOrDefault(state);

    public static FindingCounts Of(IReadOnlyCollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var open = findings.Where(f => f.IsOpen).ToList();
        return new FindingCounts
        {
            ByState = Enum.GetValues<FindingState>().ToDictionary(s => s, s => findings.Count(f => f.State == s)),
            Total = findings.Count,
            Open = open.Count,
            OpenRootCauses = open.Select(f => f.RootCause).Distinct(StringComparer.Ordinal).Count(),
        };
    }
}

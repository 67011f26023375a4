namespace Evidence.Core.Findings;

/// <summary>Most urgent first: by state (overdue first, resolved last), then severity, then age, then key.</summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static FindingOrder Instance { get; } = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        var byState = x.State.CompareTo(y.State);
        if (byState != 0)
        {
            return byState;
        }

        var bySeverity = y.Severity.CompareTo(x.Severity);
        return bySeverity != 0 ? bySeverity
            : x.FirstSeen != y.FirstSeen ? x.FirstSeen.CompareTo(y.FirstSeen)
            : string.CompareOrdinal(x.Key, y.Key);
    }
}

namespace Evidence.Core.Scanning;

/// <summary>A workspace pattern (<c>settings.scan.patterns</c>) took longer than its time limit on one text.</summary>
public sealed class ScanPatternTimeoutException(ScanPattern pattern)
    : Exception($"the scan pattern '{pattern.Name}' took longer than {pattern.Regex.MatchTimeout.TotalSeconds:0.###} s on one file; simplify it (no nested repetition such as (a+)+)")
{
    public ScanPattern Pattern { get; } = pattern;
}

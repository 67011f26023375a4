namespace Evidence.Core.Scanning;

/// <summary>What a keyword detector works with: the workspace's settings and the list it adds its finds to.</summary>
internal sealed record ScanState(ScanSettings Settings, List<Candidate> Found);

namespace Evidence.Core.Scanning;

/// <summary>The hits in one file; <paramref name="File"/> is as the user should read it (relative to the workspace).</summary>
public sealed record FileHits(string File, IReadOnlyList<ScanHit> Hits);

using Evidence.Core.Diagnostics;

namespace Evidence.Core.Store;

/// <summary>A file of a run, relative to the run folder, with its SHA-256 as recorded at collection.</summary>
public sealed record StoredFile(string Path, string Sha256, long Bytes, SourceLocation Location)
{
    /// <summary>For a raw page: the personal data and secrets found in it when it was collected; null when none (or not scanned).</summary>
    public Scanning.SensitiveSummary? Sensitive { get; init; }
}

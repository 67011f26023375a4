using Evidence.Core.Diagnostics;

namespace Evidence.Core.Store;

/// <summary>A file of a run, relative to the run folder, with its SHA-256 as recorded at collection.</summary>
public sealed record StoredFile(string Path, string Sha256, long Bytes, SourceLocation Location);

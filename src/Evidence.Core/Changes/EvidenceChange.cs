using Evidence.Core.Store;

namespace Evidence.Core.Changes;

/// <summary>
/// One query's evidence from one source (or one document) that changed state: it went stale, or newly
/// failed to collect. Listed once however many controls use it.
/// </summary>
public sealed record EvidenceChange(string Subject, EvidenceSource? Source, string Message, IReadOnlyList<string> Controls, DateTimeOffset? Since);

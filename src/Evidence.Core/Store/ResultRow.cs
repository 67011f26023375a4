namespace Evidence.Core.Store;

/// <summary>One evaluated resource: a line of a run's <c>results/*.jsonl</c>.</summary>
public sealed record ResultRow(
    string ResourceType,
    string ResourceId,
    string Compliance,
    string? Account = null,
    string? Region = null,
    string? Subscription = null,
    string? Annotation = null,
    DateTimeOffset? EvaluatedAt = null);

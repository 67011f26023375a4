namespace Evidence.Testing.SampleRun;

/// <summary>One EvaluationResult of a Config rule: a resource, its compliance and when it was evaluated (Unix ms).</summary>
internal sealed record AwsEvaluation(AwsResource Resource, string Compliance, string? Annotation, long InvokedMs, long RecordedMs);

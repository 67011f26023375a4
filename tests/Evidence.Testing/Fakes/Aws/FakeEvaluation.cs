namespace Evidence.Testing.Fakes.Aws;

/// <summary>One evaluation result of a rule: the resource, its compliance, the annotation, and when the rule ran and recorded it.</summary>
public sealed record FakeEvaluation(
    string ResourceType, string ResourceId, string Compliance, DateTimeOffset Invoked, DateTimeOffset Recorded, string? Annotation = null);

namespace Evidence.Testing.SampleRun;

/// <summary>
/// A fictional AWS resource as AWS Config knows it: its type, the id Config reports for it, a
/// readable name (used in annotations) and its tags.
/// </summary>
internal sealed record AwsResource(string Type, string Id, string Name)
{
    public IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; } = [];

    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
}

namespace Evidence.Testing.Fakes.Aws;

/// <summary>A recorded resource, for advanced queries (SelectResourceConfig).</summary>
public sealed record FakeResource(string ResourceType, string ResourceId, string? ResourceName = null)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

namespace Evidence.Testing.Fakes.Azure;

/// <summary>A resource as the fake Resource Graph holds it in its <c>resources</c> table.</summary>
public sealed record FakeGraphResource(string Id, string Name, string Type, string SubscriptionId)
{
    public string ResourceGroup { get; init; } = string.Empty;

    public string Location { get; init; } = "eastus2";

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The row as <c>resources</c> has it, every column.</summary>
    public Dictionary<string, object> Columns() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = Id,
        ["name"] = Name,
        ["type"] = Type.ToLowerInvariant(),
        ["subscriptionId"] = SubscriptionId,
        ["resourceGroup"] = ResourceGroup,
        ["location"] = Location,
        ["tags"] = new SortedDictionary<string, string>(Tags.ToDictionary(), StringComparer.Ordinal),
    };
}

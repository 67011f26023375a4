using System.Text.Json;

namespace Evidence.Testing.Fakes.Aws;

/// <summary>A request the fake accepted (its signature checked): which call, for which account and region, with what body.</summary>
public sealed record FakeAwsRequest(int Number, string Operation, string Account, string Region, JsonElement Body)
{
    /// <summary>A string member of the request body, such as ConfigRuleName or NextToken.</summary>
    public string? Text(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The Limit the caller asked for, if any.</summary>
    public int? Limit =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(nameof(Limit), out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}

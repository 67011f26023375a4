using System.Text.Json;

namespace Evidence.Collectors.Azure.PolicyInsights;

/// <summary>
/// The answer to a counted query (<see cref="PolicyStatesRequest.Count"/>): a <c>queryResults</c> body
/// whose one record carries <c>NumberOfRecords</c>; no record at all means no states.
/// </summary>
internal static class PolicyStatesCount
{
    public const string Property = "NumberOfRecords";

    /// <summary>The count; anything but that shape is <see cref="InvalidDataException"/>, with what was wrong.</summary>
    public static long Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("the response has no 'value' array");
            }

            if (value.GetArrayLength() == 0)
            {
                return 0;
            }

            var record = value[0];
            return record.ValueKind == JsonValueKind.Object && record.TryGetProperty(Property, out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt64(out var n) && n >= 0
                ? n
                : throw new InvalidDataException($"the record has no whole, non-negative '{Property}'");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the response is not valid JSON ({e.Message})", e);
        }
    }
}
